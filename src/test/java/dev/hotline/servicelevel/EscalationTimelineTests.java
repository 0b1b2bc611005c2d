package dev.hotline.servicelevel;

import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.routing.ContactQueued;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.OnCallShift;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RedisOnlyConfiguration;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.routing.RoutingStrategy;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.RedisClient;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The three-ring escalation timeline, driven by a hand-moved clock and timer, with its schedule on the real Redis. */
@SpringBootTest(classes = RedisOnlyConfiguration.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EscalationTimelineTests {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");   // Monday 10:00 in Shanghai
    static final QueueSettings QUEUE = new QueueSettings("hotline", Map.of(), RoutingStrategy.LONGEST_IDLE,
            Duration.ofSeconds(15), Duration.ofSeconds(5), 2, 3, 4, ZoneId.of("Asia/Shanghai"),
            List.of(new OnCallShift(EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(20, 0), "+8613800000009")));

    @Autowired
    RedisClient redis;

    ManualClock clock = new ManualClock(T0);
    ManualTimer timer = new ManualTimer();
    FakeRouting routing = new FakeRouting();
    List<Object> events = new ArrayList<>();
    List<String> overflows = new ArrayList<>();
    String prefix;

    @BeforeEach
    void freshNamespace() {
        prefix = "hotline:test-" + UUID.randomUUID() + ":";
    }

    @Test
    void stepsBeginAtTheStartOfTheirRings() {
        var timeline = EscalationTimeline.of(QUEUE, T0);
        assertThat(timeline.steps()).extracting(EscalationTimeline.Step::action)
                .containsExactly(EscalationStep.ALERT, EscalationStep.WIDEN, EscalationStep.OVERFLOW);
        assertThat(timeline.steps()).extracting(EscalationTimeline.Step::at)
                .containsExactly(T0.plusSeconds(5), T0.plusSeconds(10), T0.plusSeconds(15));
    }

    @Test
    void alertsAtRingTwoWidensAtRingThreeAndOverflowsAtRingFourToTheOnCallPhone() {
        var node = node();
        arrive(node, 1);
        timer.advanceTo(T0.plusMillis(4_999));
        assertThat(events).isEmpty();
        timer.advanceTo(T0.plusSeconds(5));
        assertThat(events).containsExactly(new RingAlert(new ContactId(1), "hotline", 2, T0.plusSeconds(5)));
        assertThat(routing.widened).isEmpty();
        timer.advanceTo(T0.plusSeconds(10));
        assertThat(routing.widened).containsExactly(new ContactId(1));
        assertThat(overflows).isEmpty();
        timer.advanceTo(T0.plusSeconds(15));
        assertThat(overflows).containsExactly("1->+8613800000009");
    }

    @Test
    void noAlertWhileAnAgentIsReservedButStillOverflowsWhenNobodyAnswers() {
        var node = node();
        arrive(node, 2);
        routing.status.put(new ContactId(2), RoutingStatus.OFFERED);
        timer.advanceTo(T0.plusSeconds(15));
        assertThat(events).isEmpty();
        assertThat(routing.widened).containsExactly(new ContactId(2));
        assertThat(overflows).containsExactly("2->+8613800000009");
    }

    @Test
    void assignedContactIsNotEscalatedFurther() {
        var node = node();
        arrive(node, 3);
        timer.advanceTo(T0.plusSeconds(6));
        node.on(new ContactAssigned(new ContactId(3), "ann", "hotline", Channel.VOICE, null, null, null));
        timer.advanceTo(T0.plusSeconds(60));
        assertThat(routing.widened).isEmpty();
        assertThat(overflows).isEmpty();
    }

    @Test
    void anotherNodeRunsTheTimelineOfANodeThatDiedAndEachStepRunsOnce() {
        var dead = node();
        arrive(dead, 4);
        timer.tasks.clear();                       // node 1 is gone with its local timers
        var survivor = node();
        var third = node();
        clock.set(T0.plusSeconds(16));             // late: all three steps due at once
        survivor.sweep();
        third.sweep();
        survivor.sweep();
        assertThat(events).hasSize(1);
        assertThat(routing.widened).hasSize(1);
        assertThat(overflows).containsExactly("4->+8613800000009");
    }

    // --- test doubles for the collaborators (Redis is real)

    private Escalations node() {
        var schedule = new EscalationSchedule(redis, prefix);
        ContactIntake contacts = (ContactIntake) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ContactIntake.class}, (proxy, method, args) -> {
                    if (method.getName().equals("overflowed")) {
                        overflows.add(args[0] + "->" + args[1]);
                        routing.status.put((ContactId) args[0], RoutingStatus.NOT_ROUTED);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new Escalations(schedule, routing, contacts, events::add, clock, timer, Duration.ofSeconds(1));
    }

    private void arrive(Escalations node, long id) {
        routing.status.put(new ContactId(id), RoutingStatus.WAITING);
        node.on(new ContactQueued(new ContactId(id), "hotline", Channel.VOICE, T0));
    }

    static final class FakeRouting implements ContactRouting {
        final Map<ContactId, RoutingStatus> status = new ConcurrentHashMap<>();
        final List<ContactId> widened = new ArrayList<>();

        @Override
        public QueueSettings queue(String name) {
            return QUEUE;
        }

        @Override
        public RoutingStatus status(ContactId contactId) {
            return status.getOrDefault(contactId, RoutingStatus.NOT_ROUTED);
        }

        @Override
        public int widen(ContactId contactId) {
            widened.add(contactId);
            return 0;
        }

        @Override
        public void prioritize(ContactId contactId, boolean majorComplaint) {
        }
    }

    static final class ManualClock extends Clock {
        private volatile Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Runs scheduled tasks in time order as the test moves the clock. */
    final class ManualTimer implements EscalationTimer {
        record Task(Instant at, Runnable task) {
        }

        final List<Task> tasks = new ArrayList<>();

        @Override
        public void at(Instant when, Runnable task) {
            tasks.add(new Task(when, task));
        }

        void advanceTo(Instant target) {
            while (true) {
                Task next = tasks.stream().filter(t -> !t.at().isAfter(target))
                        .min(Comparator.comparing(Task::at)).orElse(null);
                if (next == null) {
                    break;
                }
                tasks.remove(next);
                if (next.at().isAfter(clock.instant())) {
                    clock.set(next.at());
                }
                next.task().run();
            }
            clock.set(target);
        }
    }
}
