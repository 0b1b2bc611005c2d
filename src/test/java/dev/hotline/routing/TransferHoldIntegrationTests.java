package dev.hotline.routing;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.NotPermittedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Blind transfer and hold of a connected call, on the real Redis scripts and the real contact record. */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:transfer-test:")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@RecordApplicationEvents
class TransferHoldIntegrationTests {

    static final String P = "hotline:transfer-test:";

    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    ContactIntake contacts;
    @Autowired
    ContactRouting routing;
    @Autowired
    redis.clients.jedis.RedisClient redis;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aBlindTransferToAQueueKeepsArrivalAndPriorityAndIsOfferedOnlyOnce() {
        String from = queue("from-" + run);
        String to = queue("to-" + run);
        String first = agent("first-" + run, from);
        Instant arrived = Instant.now().minusSeconds(40).truncatedTo(ChronoUnit.MILLIS);
        var call = connected(from, first, arrived);
        String score = redis.hget(P + "c:" + call.id(), "score");
        Instant firstAnswer = await().atMost(Duration.ofSeconds(5))
                .until(() -> contacts.find(call.id()).orElseThrow().answeredAt(), a -> a != null);

        routing.transfer(call.id(), first, to, null);

        assertThat(presence.status(first).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(presence.status(first).activeContacts()).isEmpty();
        assertThat(redis.hget(P + "c:" + call.id(), "arrived")).isEqualTo(Long.toString(arrived.toEpochMilli()));
        assertThat(redis.zscore(P + "q:" + to + ":wait", call.id().toString())).isEqualTo(Double.parseDouble(score));
        assertThat(events.stream(ContactQueued.class).filter(e -> e.contactId().equals(call.id()))).hasSize(1);
        assertThat(events.stream(ContactTransferred.class).filter(e -> e.contactId().equals(call.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.fromAgent()).isEqualTo(first);
                    assertThat(e.toQueue()).isEqualTo(to);
                    assertThat(e.arrivedAt()).isEqualTo(arrived);
                });

        String second = agent("second-" + run, to);
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(second).pendingOffer()));
        presence.accept(call.id(), second);
        routing.answered(call.id(), second, null);
        routing.callerHungUp(call.id(), null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            ContactSnapshot done = contacts.find(call.id()).orElseThrow();
            assertThat(done.status()).isEqualTo(ContactStatus.ENDED);
            assertThat(done.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(done.agent()).isEqualTo(second);
            assertThat(done.queue()).isEqualTo(to);
            assertThat(contacts.history(call.id())).extracting(ContactHistoryView::action)
                    .containsSubsequence("ANSWERED", "TRANSFERRED", "OFFERED", "ANSWERED", "ANSWERED");
        });
        // answered once, by the first agent: the wait and the rings to answer are the first answer's
        assertThat(contacts.find(call.id()).orElseThrow().answeredAt()).isEqualTo(firstAnswer);
    }

    @Test
    void aTransferToANamedAgentRingsThatAgentAndABusyOneIsRefused() {
        String q = queue("named-" + run);
        String first = agent("nfirst-" + run, q);
        var call = connected(q, first, null);
        String busy = agent("nbusy-" + run, q);
        var other = connected(q, busy, null);

        assertThatThrownBy(() -> routing.transfer(call.id(), first, null, busy))
                .isInstanceOf(ConflictException.class).hasMessageContaining("agent-not-free");
        assertThat(presence.status(first).activeContacts()).containsExactly(call.id());
        assertThatThrownBy(() -> routing.transfer(call.id(), busy, null, first))
                .isInstanceOf(NotPermittedException.class);

        String target = agent("ntarget-" + run, "elsewhere-" + run);
        routing.transfer(call.id(), first, null, target);
        assertThat(presence.status(target).pendingOffer()).isEqualTo(call.id());
        assertThat(presence.status(first).state()).isEqualTo(AgentState.WRAP_UP);

        // the caller hangs up while the target's console rings: contact ends, nobody is left holding anything
        routing.callerHungUp(call.id(), null);
        assertThat(presence.status(target).pendingOffer()).isNull();
        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(first).activeContacts()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(contacts.find(call.id()).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED));
        routing.callerHungUp(other.id(), null);
    }

    @Test
    void holdAndResumeAreTheConnectedAgentsAndRecordedWithTheirLength() {
        String q = queue("hold-" + run);
        String agent = agent("holder-" + run, q);
        var call = connected(q, agent, null);
        String stranger = agent("stranger-" + run, "nothing-" + run);

        assertThatThrownBy(() -> routing.hold(call.id(), stranger, true)).isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> routing.hold(call.id(), agent, false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not-held");
        routing.hold(call.id(), agent, true);
        assertThatThrownBy(() -> routing.hold(call.id(), agent, true))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already-held");
        await().pollDelay(Duration.ofMillis(50)).atMost(Duration.ofSeconds(1)).until(() -> true);
        routing.hold(call.id(), agent, false);

        assertThat(events.stream(ContactResumed.class).filter(e -> e.contactId().equals(call.id())))
                .singleElement().satisfies(e -> assertThat(e.held()).isGreaterThanOrEqualTo(Duration.ofMillis(50)));
        assertThat(presence.status(agent).activeContacts()).containsExactly(call.id());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contacts.history(call.id()))
                .extracting(ContactHistoryView::action).containsSubsequence("HELD", "RESUMED"));
        assertThat(contacts.find(call.id()).orElseThrow().status()).isEqualTo(ContactStatus.CONNECTED);

        // held again when the caller hangs up: the contact ends cleanly
        routing.hold(call.id(), agent, true);
        routing.callerHungUp(call.id(), null);
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        assertThatThrownBy(() -> routing.hold(call.id(), agent, false)).isInstanceOf(ConflictException.class);
    }

    @Test
    void anUnansweredCallCannotBeHeldOrTransferred() {
        String q = queue("early-" + run);
        String agent = agent("early-" + run, q);
        var call = routing.arrive(new NewContact(Channel.VOICE, "asterisk", "early-call-" + run, "13800138000",
                "8000", q, null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(call.id(), agent);
        assertThatThrownBy(() -> routing.hold(call.id(), agent, true)).hasMessageContaining("not-connected");
        assertThatThrownBy(() -> routing.transfer(call.id(), agent, q, null)).hasMessageContaining("not-connected");
        routing.callerHungUp(call.id(), null);
    }

    @Test
    void aTransferredCallWhoseNextAgentsPhoneDoesNotAnswerWaitsAgainWithoutEscalationOrASecondOffer() {
        String q = queue("cf-" + run);
        String first = agent("cffirst-" + run, q);
        var call = connected(q, first, null);
        String second = agent("cfsecond-" + run, q);
        routing.transfer(call.id(), first, q, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(second).pendingOffer()));
        presence.accept(call.id(), second);

        presence.connectFailed(call.id(), second, true);   // the second agent's phone rang out

        assertThat(routing.status(call.id())).isEqualTo(RoutingStatus.WAITING);
        assertThat(presence.status(second).state()).isEqualTo(AgentState.BREAK);
        // answered once already: no three-ring escalation (no overflow to the on-call phone), not offered anew
        for (String step : new String[] {"alert", "widen", "overflow"}) {
            assertThat(redis.zscore(P + "timers", "e|" + call.id() + "|" + step)).isNull();
        }
        assertThat(events.stream(ContactQueued.class).filter(e -> e.contactId().equals(call.id()))).hasSize(1);
        routing.callerHungUp(call.id(), null);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(contacts.find(call.id()).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED));
    }

    @Test
    void aCallWhoseAgentsPhoneDoesNotAnswerWaitsAgainWithoutASecondOffer() {
        String q = queue("rna-" + run);
        String first = agent("rnafirst-" + run, q);
        var call = routing.arrive(new NewContact(Channel.VOICE, "asterisk", "call-" + UUID.randomUUID(), "13800138000",
                "8000", q, null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(first).pendingOffer()));
        presence.accept(call.id(), first);

        presence.connectFailed(call.id(), first, true);   // the agent's phone rang out: never answered

        assertThat(routing.status(call.id())).isEqualTo(RoutingStatus.WAITING);
        // offered once (one ContactQueued, counted once on the wallboard); it waits again in the same queue
        assertThat(events.stream(ContactQueued.class).filter(e -> e.contactId().equals(call.id()))).hasSize(1);
        assertThat(events.stream(ContactTransferred.class).filter(e -> e.contactId().equals(call.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.handedOn()).isFalse();
                    assertThat(e.fromQueue()).isEqualTo(q);
                    assertThat(e.toQueue()).isEqualTo(q);
                    assertThat(e.toAgent()).isNull();
                });
        // never answered: its three-ring escalation still runs
        assertThat(redis.zscore(P + "timers", "e|" + call.id() + "|overflow")).isNotNull();
        routing.callerHungUp(call.id(), null);
    }

    @Test
    void theRestApiLetsOnlyTheConnectedAgentActAndSaysWhyNot() throws Exception {
        String q = queue("rest-" + run);
        String agent = agent("rest-" + run, q);
        var call = connected(q, agent, null);
        String base = "/api/contacts/" + call.id();

        mvc.perform(post(base + "/hold").with(user("someone-" + run).roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/hold").with(user(agent).roles("AGENT")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post(base + "/hold").with(user(agent).roles("AGENT")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("already-held"));
        mvc.perform(post(base + "/resume").with(user(agent).roles("AGENT")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post(base + "/transfer").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "/transfer").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"queue\":\"" + q + "\",\"agent\":\"x\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/contacts/987654321012/hold").with(user(agent).roles("AGENT")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("contact-gone"));
        mvc.perform(post(base + "/transfer").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"queue\":\"" + q + "\"}"))
                .andExpect(status().isNoContent());
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        routing.callerHungUp(call.id(), null);
    }

    private ContactSnapshot connected(String queue, String agent, Instant arrivedAt) {
        return ConnectedCalls.connected(routing, presence, queue, agent, arrivedAt);
    }

    private String agent(String name, String queue) {
        return ConnectedCalls.agent(administration, presence, name, queue);
    }

    private String queue(String name) {
        return ConnectedCalls.queue(administration, name, Duration.ofMinutes(1));
    }
}
