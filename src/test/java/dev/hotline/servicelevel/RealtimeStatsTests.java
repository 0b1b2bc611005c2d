package dev.hotline.servicelevel;

import dev.hotline.contact.ContactAbandoned;
import dev.hotline.contact.ContactAnswered;
import dev.hotline.contact.ContactEnded;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactOverflowed;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.AgentStateChanged;
import dev.hotline.routing.ContactQueued;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.context.event.ApplicationEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The wallboard read model on the real Redis, fed with the events routing and contacts publish. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:stomp-test:")
@RecordApplicationEvents
class RealtimeStatsTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    RealtimeStats stats;

    @Autowired
    RoutingAdministration routing;

    @Autowired
    ApplicationEvents published;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String queue = "stats-" + run;

    @Test
    void countsWaitingServiceLevelAndAveragesPerQueueAndAlertsUnderTarget() throws Exception {
        var d = routing.queueDefaults(queue);
        routing.saveQueue(new QueueSettings(queue, Map.of(queue, 1), d.strategy(), d.ringNoAnswer(), d.ringPeriod(),
                d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall()));
        String agent = "stat-" + run;
        routing.saveAgent(new AgentProfile(agent, agent, Map.of(queue, 1), null, null, null, 1, 3, 0));
        Instant now = Instant.now();
        var a = id(); var b = id(); var c = id(); var e = id(); var w = id();
        for (var contact : new ContactId[]{a, b, c, e}) {
            events.publishEvent(new ContactQueued(contact, queue, Channel.VOICE, now.minusSeconds(60)));
        }
        events.publishEvent(new ContactQueued(w, queue, Channel.VOICE, now.minusSeconds(12)));
        // a: answered on ring 2 (8 s), b: on ring 5 (22 s), c: abandoned after 30 s, e: overflowed
        events.publishEvent(new ContactAnswered(a, Channel.VOICE, queue, agent, null, now.minusSeconds(60), now.minusSeconds(52), 2));
        events.publishEvent(new ContactAnswered(b, Channel.VOICE, queue, agent, null, now.minusSeconds(60), now.minusSeconds(38), 5));
        events.publishEvent(new ContactAbandoned(c, Channel.VOICE, queue, now.minusSeconds(60), now.minusSeconds(30)));
        events.publishEvent(new ContactOverflowed(e, Channel.VOICE, queue, "+8613800000000", "api", null, now.minusSeconds(60), now.minusSeconds(10)));
        events.publishEvent(new ContactEnded(a, Channel.VOICE, queue, agent, ContactOutcome.ANSWERED, null, now.minusSeconds(60), now.minusSeconds(52), now.minusSeconds(12)));
        events.publishEvent(new AgentStateChanged(agent, AgentState.OFFLINE, AgentState.AVAILABLE, null, null, now));
        Thread.sleep(600); // past the snapshot cache

        var tile = stats.snapshot().queues().stream().filter(q -> q.queue().equals(queue)).findFirst().orElseThrow();
        assertThat(tile.waiting()).isEqualTo(1);
        assertThat(tile.longestWaitSeconds()).isBetween(12L, 14L);
        assertThat(tile.longestWaitRings()).isEqualTo(3);
        assertThat(tile.offeredToday()).isEqualTo(5);
        assertThat(tile.answeredToday()).isEqualTo(2);
        assertThat(tile.abandonedToday()).isEqualTo(1);
        assertThat(tile.overflowedToday()).isEqualTo(1);
        assertThat(tile.serviceLevel15m()).isCloseTo(0.25, within(1e-9));
        assertThat(tile.serviceLevelToday()).isCloseTo(0.25, within(1e-9));
        assertThat(tile.averageSpeedOfAnswerSeconds()).isCloseTo(15.0, within(1e-9));
        assertThat(tile.averageHandleTimeSeconds()).isCloseTo(40.0, within(1e-9));
        assertThat(tile.agentsByState()).containsEntry("AVAILABLE", 1L);
        // the events may fall into the previous 15-minute slot when the test runs just after :00/:15/:30/:45
        assertThat(tile.serviceLevelSlots()).isNotEmpty().anySatisfy(slot -> assertThat(slot).isNotNull());
        assertThat(stats.snapshot().overall().offeredToday()).isGreaterThanOrEqualTo(5);
        assertThat(published.stream(ServiceLevelAlert.class).filter(x -> x.queue().equals(queue)).count()).isEqualTo(1);
    }

    @Autowired
    dev.hotline.routing.ContactRouting live;

    @Test
    void aCallStillWaitingPastTheThirdRingCountsAsMissedAtOnceAndOnlyOnce() {
        String q = "missed-" + run;
        var d = routing.queueDefaults(q);
        routing.saveQueue(new QueueSettings(q, Map.of(q, 1), d.strategy(), d.ringNoAnswer(), d.ringPeriod(),
                d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), java.util.List.of()));   // nobody on call
        // nobody serves the queue: the caller has been waiting 20 s, four 5 s rings
        var call = live.arrive(new dev.hotline.contact.NewContact(Channel.VOICE, "api", "missed-" + run, "+8613900000077",
                null, q, Instant.now().minusSeconds(20), null));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tile(q).serviceLevel15m()).isEqualTo(0.0));
        assertThat(tile(q).waiting()).isEqualTo(1);

        live.callerHungUp(call.id(), null);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tile(q).abandonedToday()).isEqualTo(1));
        assertThat(tile(q).serviceLevelToday()).isEqualTo(0.0);
        assertThat(stats.fresh().queues().stream().filter(t -> t.queue().equals(q)).findFirst().orElseThrow()
                .serviceLevelSlots()).filteredOn(java.util.Objects::nonNull).containsOnly(0.0);
    }

    @Test
    void textMessagesAreNotInTheThreeRingServiceLevel() {
        String q = "text-" + run;
        Instant now = Instant.now();
        var sms = id();
        events.publishEvent(new ContactQueued(sms, q, Channel.SMS, now.minusSeconds(600)));
        events.publishEvent(new ContactAnswered(sms, Channel.SMS, q, "agent", null, now.minusSeconds(600), now, 120));

        assertThat(stats.fresh().overall().offeredToday()).isPositive();
        var d = routing.queueDefaults(q);
        routing.saveQueue(new QueueSettings(q, Map.of(q, 1), d.strategy(), d.ringNoAnswer(), d.ringPeriod(),
                d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall()));
        assertThat(tile(q).answeredToday()).isEqualTo(1);
        assertThat(tile(q).serviceLevelToday()).isNull();
    }

    private QueueFigures tile(String q) {
        return stats.fresh().queues().stream().filter(t -> t.queue().equals(q)).findFirst().orElseThrow();
    }

    @Test
    void todayStartsAtTheConfiguredResetTimeInItsZone() {
        var day = new StatsDay(ZoneId.of("Asia/Shanghai"), LocalTime.of(6, 0));
        assertThat(day.of(Instant.parse("2026-03-01T21:59:00Z"))).isEqualTo(LocalDate.of(2026, 3, 1)); // 05:59 local
        assertThat(day.of(Instant.parse("2026-03-01T22:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 2)); // 06:00 local
        assertThat(day.slot(Instant.parse("2026-03-01T22:31:00Z"))).isEqualTo(2);
        var midnight = new StatsDay(ZoneId.of("Asia/Shanghai"), LocalTime.MIDNIGHT);
        assertThat(midnight.start(LocalDate.of(2026, 3, 2))).isEqualTo(Instant.parse("2026-03-01T16:00:00Z"));
    }

    private static ContactId id() {
        return new ContactId(ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE));
    }
}
