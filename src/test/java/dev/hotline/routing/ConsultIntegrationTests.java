package dev.hotline.routing;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.ContactConsultation.Phase;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
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

/** Consultative transfer on the real Redis scripts and the real contact record. */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:consult-test:")
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@RecordApplicationEvents
class ConsultIntegrationTests {

    static final String P = "hotline:consult-test:";

    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    ContactIntake contacts;
    @Autowired
    ContactRouting routing;
    @Autowired
    CallConsultation consultation;
    @Autowired
    redis.clients.jedis.RedisClient redis;
    @Autowired
    ApplicationEvents events;
    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCompletedConsultHandsTheCallToTheTargetKeepingArrivalAndPriority() {
        String q = queue("done-" + run, Duration.ofMinutes(1));
        String first = agent("first-" + run, q);
        Instant arrived = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        var call = connected(q, first, arrived);
        String score = redis.hget(P + "c:" + call.id(), "score");
        String elsewhere = queue("elsewhere-" + run, Duration.ofMinutes(1));
        String target = agent("target-" + run, elsewhere);

        consultation.consult(call.id(), first, null, target);

        assertThat(routing.heldSince(call.id())).isNotNull();
        assertThat(presence.status(target).state()).isEqualTo(AgentState.RESERVED);
        assertThat(phases(call.id())).containsExactly(Phase.RINGING);
        assertThat(events.stream(ContactHeld.class).filter(e -> e.contactId().equals(call.id()))).hasSize(1);
        // nothing else reaches the target while the consult rings or talks
        var other = routing.arrive(new NewContact(Channel.VOICE, "asterisk", "other-" + run, "13900139000", "8000",
                elsewhere, null, null));
        assertThat(presence.status(target).pendingOffer()).isNull();
        assertThatThrownBy(() -> consultation.complete(call.id(), first))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not-answered");

        consultation.accept(call.id(), target);
        assertThat(presence.status(target).state()).isEqualTo(AgentState.BUSY);
        assertThat(presence.status(target).pendingOffer()).isNull();
        consultation.complete(call.id(), first);

        assertThat(phases(call.id())).containsExactly(Phase.RINGING, Phase.TALKING, Phase.COMPLETED);
        assertThat(presence.status(first).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(presence.status(first).activeContacts()).isEmpty();
        assertThat(presence.status(target).activeContacts()).containsExactly(call.id());
        assertThat(routing.assignedAgent(call.id())).isEqualTo(target);
        assertThat(routing.heldSince(call.id())).isNull();
        assertThat(redis.hget(P + "c:" + call.id(), "arrived")).isEqualTo(Long.toString(arrived.toEpochMilli()));
        assertThat(redis.hget(P + "c:" + call.id(), "score")).isEqualTo(score);
        assertThat(events.stream(ContactReleased.class).filter(e -> e.contactId().equals(call.id())))
                .singleElement().satisfies(e -> assertThat(e.agent()).isEqualTo(first));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var c = contacts.find(call.id()).orElseThrow();
            assertThat(c.agent()).isEqualTo(target);
            assertThat(c.status()).isEqualTo(ContactStatus.CONNECTED);
            assertThat(c.arrivedAt()).isEqualTo(arrived);
            assertThat(contacts.history(call.id())).extracting(ContactHistoryView::action)
                    .containsSubsequence("ANSWERED", "HELD", "CONSULTED", "CONSULTED", "RESUMED", "CONSULTED");
            assertThat(contacts.history(call.id())).filteredOn(h -> "CONSULTED".equals(h.action()))
                    .extracting(ContactHistoryView::detail)
                    .containsExactly("started: " + target, "accepted: " + target, "completed: from " + first);
        });
        // the target works the call now: it may hold it, and the caller's hang-up ends it with the target
        routing.hold(call.id(), target, true);
        routing.callerHungUp(call.id(), null);
        assertThat(presence.status(target).state()).isEqualTo(AgentState.WRAP_UP);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var c = contacts.find(call.id()).orElseThrow();
            assertThat(c.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(c.agent()).isEqualTo(target);
        });
        routing.callerHungUp(other.id(), null);
    }

    @Test
    void aReturnedConsultFreesTheTargetAndGivesTheCallerBackToTheFirstAgent() {
        String q = queue("ret-" + run, Duration.ofMinutes(1));
        String first = agent("rfirst-" + run, q);
        var call = connected(q, first, null);
        String helpQueue = queue("help-" + run, Duration.ofMinutes(1));
        String target = agent("rtarget-" + run, helpQueue);

        var consult = consultation.consult(call.id(), first, helpQueue, null);
        assertThat(consult.target()).isEqualTo(target);
        assertThatThrownBy(() -> consultation.consult(call.id(), first, helpQueue, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already-consulting");
        consultation.accept(call.id(), target);
        assertThat(consultation.current(call.id())).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo("TALKING"));

        consultation.returnToCaller(call.id(), first);

        assertThat(consultation.current(call.id())).isEmpty();
        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(first).activeContacts()).containsExactly(call.id());
        assertThat(presence.status(first).state()).isEqualTo(AgentState.BUSY);
        assertThat(routing.heldSince(call.id())).isNull();
        assertThat(events.stream(ContactResumed.class).filter(e -> e.contactId().equals(call.id()))).hasSize(1);
        assertThat(phases(call.id())).containsExactly(Phase.RINGING, Phase.TALKING, Phase.RETURNED);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(contacts.find(call.id()).orElseThrow().agent()).isEqualTo(first);
            assertThat(contacts.history(call.id())).filteredOn(h -> "CONSULTED".equals(h.action()))
                    .extracting(ContactHistoryView::detail).last().isEqualTo("returned: " + target);
        });
        routing.callerHungUp(call.id(), null);
        assertThat(presence.status(first).state()).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void aDeclinedUnansweredOrLostConsultLeavesTheCallerOnHoldWithTheFirstAgent() {
        String q = queue("fail-" + run, Duration.ofSeconds(1));
        String first = agent("ffirst-" + run, q);
        var call = connected(q, first, null);
        String target = agent("ftarget-" + run, "nowhere-" + run);
        queue(q + "-busy", Duration.ofMinutes(1));
        String busy = agent("fbusy-" + run, q + "-busy");
        var busyCall = connected(q + "-busy", busy, null);

        assertThatThrownBy(() -> consultation.consult(call.id(), first, null, busy))
                .isInstanceOf(ConflictException.class).hasMessageContaining("agent-not-free");
        // the first agent is its queue's only agent, and busy: nobody to consult there
        assertThatThrownBy(() -> consultation.consult(call.id(), first, q, null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("no-agent-free");
        assertThatThrownBy(() -> consultation.consult(call.id(), busy, null, target))
                .isInstanceOf(NotPermittedException.class);
        assertThat(routing.heldSince(call.id())).isNull();   // a refused consult holds nothing

        consultation.consult(call.id(), first, null, target);
        assertThatThrownBy(() -> consultation.accept(call.id(), busy)).isInstanceOf(NotPermittedException.class);
        consultation.decline(call.id(), target);
        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(routing.heldSince(call.id())).isNotNull();
        assertThat(presence.status(first).activeContacts()).containsExactly(call.id());

        // the ring time (the queue's ring-no-answer, 1 s here) passes: the consult ends on its own
        consultation.consult(call.id(), first, null, target);
        await().atMost(Duration.ofSeconds(10)).until(() -> consultation.current(call.id()).isEmpty());
        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);

        // the target answers, then hangs up (telephony says so): back to the first agent, caller still held
        consultation.consult(call.id(), first, null, target);
        consultation.accept(call.id(), target);
        assertThat(consultation.targetLost(call.id(), "target-hung-up")).isTrue();
        assertThat(consultation.targetLost(call.id(), "target-hung-up")).isFalse();
        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(routing.heldSince(call.id())).isNotNull();
        // (the ring deadline's event is published on the timer thread, which ApplicationEvents does not record)
        assertThat(events.stream(ContactConsultation.class).filter(e -> e.contactId().equals(call.id())
                && e.phase() == Phase.FAILED)).extracting(ContactConsultation::reason)
                .containsExactly("declined", "target-hung-up");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contacts.history(call.id()))
                .filteredOn(h -> "CONSULTED".equals(h.action())).extracting(ContactHistoryView::detail)
                .contains("failed: " + target + " declined", "failed: " + target + " ring-no-answer",
                        "failed: " + target + " target-hung-up"));
        assertThat(events.stream(ContactHeld.class).filter(e -> e.contactId().equals(call.id()))).hasSize(1);
        routing.hold(call.id(), first, false);
        routing.callerHungUp(call.id(), null);
        routing.callerHungUp(busyCall.id(), null);
    }

    @Test
    void theCallerHangingUpDuringTheConsultFreesBothAgentsAndEndsTheContactOnce() {
        String q = queue("gone-" + run, Duration.ofMinutes(1));
        String first = agent("gfirst-" + run, q);
        var call = connected(q, first, null);
        String target = agent("gtarget-" + run, "gelsewhere-" + run);
        consultation.consult(call.id(), first, null, target);
        consultation.accept(call.id(), target);

        routing.callerHungUp(call.id(), null);
        routing.callerHungUp(call.id(), null);

        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(first).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(presence.status(first).activeContacts()).isEmpty();
        assertThat(consultation.current(call.id())).isEmpty();
        assertThat(phases(call.id())).containsExactly(Phase.RINGING, Phase.TALKING, Phase.ENDED);
        assertThatThrownBy(() -> consultation.complete(call.id(), first)).isInstanceOf(ConflictException.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var c = contacts.find(call.id()).orElseThrow();
            assertThat(c.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(c.agent()).isEqualTo(first);
            assertThat(contacts.history(call.id())).filteredOn(h -> h.toStatus() == ContactStatus.ENDED).hasSize(1);
        });
    }

    @Test
    void theRestApiLetsOnlyTheAgentsOfTheConsultActAndSaysWhyNot() throws Exception {
        String q = queue("rest-" + run, Duration.ofMinutes(1));
        String first = agent("restfirst-" + run, q);
        var call = connected(q, first, null);
        String target = agent("resttarget-" + run, "restother-" + run);
        String base = "/api/contacts/" + call.id() + "/consult";
        String body = "{\"agent\":\"" + target + "\"}";

        mvc.perform(post(base).with(user("someone-" + run).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post(base).with(user(first).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(base + "/complete").with(user(first).roles("AGENT")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("no-consult"));
        mvc.perform(post(base).with(user(first).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.target").value(target))
                .andExpect(jsonPath("$.state").value("RINGING"));
        mvc.perform(post("/api/consults/" + call.id() + "/accept").with(user(first).roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/consults/" + call.id() + "/accept").with(user(target).roles("AGENT")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post(base + "/complete").with(user(target).roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(base + "/complete").with(user(first).roles("AGENT")).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(post(base + "/return").with(user(first).roles("AGENT")).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("no-consult"));
        mvc.perform(post("/api/contacts/987654321013/consult").with(user(first).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("contact-gone"));
        routing.callerHungUp(call.id(), null);
    }

    private java.util.List<Phase> phases(ContactId id) {
        return events.stream(ContactConsultation.class).filter(e -> e.contactId().equals(id))
                .map(ContactConsultation::phase).toList();
    }

    private ContactSnapshot connected(String queue, String agent, Instant arrivedAt) {
        return ConnectedCalls.connected(routing, presence, queue, agent, arrivedAt);
    }

    private String agent(String name, String queue) {
        return ConnectedCalls.agent(administration, presence, name, queue);
    }

    private String queue(String name, Duration ringNoAnswer) {
        return ConnectedCalls.queue(administration, name, ringNoAnswer);
    }
}
