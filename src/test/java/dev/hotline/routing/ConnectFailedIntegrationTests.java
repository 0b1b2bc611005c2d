package dev.hotline.routing;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Telephony hands an accepted call back: it is offered to the next agent, never lost. */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:connect-failed-test:")
class ConnectFailedIntegrationTests {

    @Autowired
    AgentPresence presence;

    @Autowired
    RoutingAdministration administration;

    @Autowired
    ContactIntake contacts;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    RoutingRecovery recovery;

    @Autowired
    redis.clients.jedis.RedisClient redis;

    @Test
    void aWaitingContactForgottenByRedisIsQueuedAgainWithItsArrivalTime() {
        String queue = "rec-" + run;
        queueWithItsOwnSkill(queue);
        var arrived = java.time.Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        var call = arrives(queue, arrived);
        redis.del("hotline:connect-failed-test:c:" + call.id());
        redis.zrem("hotline:connect-failed-test:q:" + queue + ":wait", call.id().toString());

        recovery.recover(queue);

        assertThat(redis.hget("hotline:connect-failed-test:c:" + call.id(), "arrived"))
                .isEqualTo(Long.toString(arrived.toEpochMilli()));
        assertThat(redis.zscore("hotline:connect-failed-test:q:" + queue + ":wait", call.id().toString())).isNotNull();
        routing.callerHungUp(call.id(), null);
    }

    @Autowired
    RedisRoutingStore store;
    @Autowired
    ContactRouting routing;

    @Test
    void aContactThatLeftWhileTheDatabaseLagsIsNotQueuedAgain() {
        String queue = "left-" + run;
        queueWithItsOwnSkill(queue);
        var call = arrives(queue, java.time.Instant.now().minusSeconds(30));
        // the caller hung up: routing has let the contact go, the database has not recorded the abandon yet
        store.drop(call.id().value(), System.currentTimeMillis(), 0, RedisRoutingStore.Leave.HANGUP, null);

        recovery.recover(queue);

        assertThat(store.contactState(call.id().value())).isEqualTo("GONE");
        assertThat(store.waiting(queue)).isEmpty();
        routing.callerHungUp(call.id(), null);
    }

    @Test
    void anUnansweredAgentPhoneSendsTheCallToTheNextAgentAndPausesTheAgent() {
        String queue = "cf-" + run;
        queueWithItsOwnSkill(queue);
        String first = "first-" + run;
        String second = "second-" + run;
        administration.saveAgent(new AgentProfile(first, first, Map.of(queue, 1), "1001", null, null, 1, 3, 0));
        administration.saveAgent(new AgentProfile(second, second, Map.of(queue, 1), "1002", null, null, 1, 3, 0));
        presence.login(first);
        var call = arrives(queue, null);
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(first).pendingOffer()));
        presence.accept(call.id(), first);
        presence.login(second);

        presence.connectFailed(call.id(), first, true);

        assertThat(presence.status(first).state()).isEqualTo(AgentState.BREAK);
        assertThat(presence.status(first).reason()).isEqualTo("ring-no-answer");
        assertThat(presence.status(first).activeContacts()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(second).pendingOffer()));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(contacts.find(call.id()).orElseThrow().status()).isEqualTo(ContactStatus.OFFERED);
            assertThat(contacts.history(call.id())).extracting(ContactHistoryView::detail).contains("ring-no-answer");
        });

        presence.accept(call.id(), second);
        routing.answered(call.id(), second, null);
        assertThatThrownBy(() -> presence.connectFailed(call.id(), second, false))
                .isInstanceOf(ConflictException.class);
        presence.finish(call.id(), second, "solved");
        presence.logout(second);
    }

    /** A queue served only by agents with its own skill (named like the queue), ring-no-answer after a minute. */
    private void queueWithItsOwnSkill(String queue) {
        var d = administration.queueDefaults(queue);
        administration.saveQueue(new QueueSettings(queue, Map.of(queue, 1), RoutingStrategy.LONGEST_IDLE,
                Duration.ofMinutes(1), d.ringPeriod(), 10, 11, 12, d.zone(), d.onCall()));
    }

    /** An Asterisk call into {@code queue}; its call id is the queue's name, which is unique per test. */
    private ContactSnapshot arrives(String queue, java.time.Instant arrivedAt) {
        return routing.arrive(new NewContact(Channel.VOICE, "asterisk", queue, "13800138000", "8000", queue,
                arrivedAt, null));
    }
}
