package dev.hotline.routing;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Queued callback on the real Redis scripts and the real contact record: the place is kept, the caller's hang-up
 * neither abandons nor ends it, no three-ring step applies, and a call-back that does not connect comes back at its
 * place after the retry pause until the attempts are used up. No telephony is configured here, so every call-back
 * fails as {@code telephony-unavailable}: one attempt each.
 */
@SpringBootTest(properties = {"hotline.routing.key-prefix=hotline:callback-test:", "hotline.callback.attempts=2",
        "hotline.callback.retry-after=1500ms"})
@RecordApplicationEvents
class CallbackIntegrationTests {

    static final String P = "hotline:callback-test:";

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

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCallbackKeepsItsPlaceAndTheCallersHangUpNeitherAbandonsNorOverflowsIt() {
        String q = queue("keep-" + run);
        Instant earlier = Instant.now().minusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
        var callback = call(q, earlier);
        var later = call(q, Instant.now().minusSeconds(5));
        String score = redis.hget(P + "c:" + callback.id(), "score");
        assertThat(redis.zscore(P + "timers", "e|" + callback.id() + "|overflow")).isNotNull();

        routing.requestCallback(callback.id(), "+8613900139000");
        routing.requestCallback(callback.id(), "+8613900139000");   // a retried webhook: nothing twice

        assertThat(routing.callback(callback.id())).contains(new Callback("+8613900139000", "asterisk", 0));
        assertThat(redis.zscore(P + "q:" + q + ":wait", callback.id().toString())).isEqualTo(Double.parseDouble(score));
        for (String step : new String[] {"alert", "widen", "overflow"}) {
            assertThat(redis.zscore(P + "timers", "e|" + callback.id() + "|" + step)).isNull();
        }
        assertThat(events.stream(CallbackRequested.class).filter(e -> e.contactId().equals(callback.id())))
                .singleElement().satisfies(e -> {
                    assertThat(e.queue()).isEqualTo(q);
                    assertThat(e.number()).isEqualTo("+8613900139000");
                    assertThat(e.arrivedAt()).isEqualTo(earlier);
                });

        routing.callerHungUp(callback.id(), null);   // the goodbye, then the caller's leg ends
        assertThat(routing.overflow(callback.id(), "+8613800000000")).isFalse();
        assertThat(routing.status(callback.id())).isEqualTo(RoutingStatus.WAITING);
        assertThat(redis.zscore(P + "q:" + q + ":wait", callback.id().toString())).isEqualTo(Double.parseDouble(score));

        // first in line still: the next free agent is offered the callback before the later call
        String agent = agent("keep-agent-" + run, q);
        await().atMost(Duration.ofSeconds(5)).until(() -> callback.id().equals(presence.status(agent).pendingOffer()));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            ContactSnapshot c = contacts.find(callback.id()).orElseThrow();
            assertThat(c.status()).isNotEqualTo(ContactStatus.ENDED);
            assertThat(contacts.history(callback.id())).extracting(ContactHistoryView::action)
                    .containsSubsequence("QUEUED", "CALLBACK_REQUEST", "OFFERED")
                    .doesNotContain("ABANDONED", "OVERFLOWED");
            assertThat(contacts.history(callback.id())).filteredOn(h -> "CALLBACK_REQUEST".equals(h.action()))
                    .extracting(ContactHistoryView::detail).containsExactly("+8613900139000");
        });
        routing.callerHungUp(later.id(), null);
    }

    @Test
    void aCallBackThatDoesNotConnectComesBackAtItsPlaceAndIsClosedAfterTheLastAttempt() {
        String q = queue("retry-" + run);
        var callback = call(q, Instant.now().minusSeconds(30));
        routing.requestCallback(callback.id(), "+8613900139001");
        String score = redis.hget(P + "c:" + callback.id(), "score");
        String agent = agent("retry-agent-" + run, q);

        await().atMost(Duration.ofSeconds(5)).until(() -> callback.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(callback.id(), agent);
        assertThat(events.stream(ContactAssigned.class).filter(e -> e.contactId().equals(callback.id())))
                .singleElement().satisfies(e -> assertThat(e.provider()).isEqualTo("callback"));
        // no telephony here: the call-back is not placed (attempt 1); the agent is free at once, the callback waits
        // out its retry pause outside the queue, then is offered again at its place
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(routing.callback(callback.id()).orElseThrow().attemptsMade()).isEqualTo(1));
        assertThat(presence.status(agent).state()).isIn(AgentState.AVAILABLE, AgentState.RESERVED);
        assertThat(routing.status(callback.id())).isIn(RoutingStatus.WAITING, RoutingStatus.OFFERED);
        await().atMost(Duration.ofSeconds(6)).until(() -> callback.id().equals(presence.status(agent).pendingOffer()));
        assertThat(redis.hget(P + "c:" + callback.id(), "score")).isEqualTo(score);

        presence.accept(callback.id(), agent);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            ContactSnapshot c = contacts.find(callback.id()).orElseThrow();
            assertThat(c.status()).isEqualTo(ContactStatus.ENDED);
            assertThat(c.outcome()).isEqualTo(ContactOutcome.FAILED);
            assertThat(contacts.history(callback.id())).extracting(ContactHistoryView::action).containsSubsequence(
                    "CALLBACK_REQUEST", "ACCEPTED", "CALLBACK_MISSED", "CALLBACK_RETRY", "OFFERED", "ACCEPTED",
                    "CALLBACK_MISSED", "FAILED");
            assertThat(contacts.history(callback.id())).filteredOn(h -> "FAILED".equals(h.action()))
                    .extracting(ContactHistoryView::detail).singleElement().asString()
                    .contains("callback-not-reached", "+8613900139001", "2 attempts");
        });
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(agent).activeContacts()).isEmpty();
    }

    @Test
    void onlyAWaitingCallCanLeaveANumber() {
        String q = queue("refuse-" + run);
        String agent = agent("refuse-agent-" + run, q);
        var taken = call(q, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> taken.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(taken.id(), agent);
        assertThatThrownBy(() -> routing.requestCallback(taken.id(), "+8613900139002"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("not a waiting call");
        routing.callerHungUp(taken.id(), null);
        assertThatThrownBy(() -> routing.requestCallback(taken.id(), "+8613900139002"))
                .isInstanceOf(dev.hotline.shared.NotFoundException.class);
    }

    private ContactSnapshot call(String queue, Instant arrivedAt) {
        return routing.arrive(new NewContact(Channel.VOICE, "asterisk", "cb-" + UUID.randomUUID(), "13800138000",
                "8000", queue, arrivedAt, null));
    }

    private String agent(String name, String queue) {
        administration.saveAgent(new AgentProfile(name, name, Map.of(queue, 1), "1001", null, null, 1, 3, 0));
        presence.login(name);
        return name;
    }

    private String queue(String name) {
        var d = administration.queueDefaults(name);
        administration.saveQueue(new QueueSettings(name, Map.of(name, 1), RoutingStrategy.LONGEST_IDLE,
                Duration.ofMinutes(1), d.ringPeriod(), 10, 11, 12, d.zone(), d.onCall()));
        return name;
    }
}
