package dev.hotline.routing;

import dev.hotline.routing.RedisRoutingStore.Escalation;
import dev.hotline.shared.Channel;
import dev.hotline.shared.RingClock;

import java.time.Instant;

/**
 * When the three-ring steps of a waiting contact are due: at the start of the queue's alert, widen and overflow rings,
 * counted by its {@link RingClock} from the contact's arrival (so a contact picked up by another node, or put back in
 * the queue, keeps its timeline). The three-ring rule is a telephone rule: text, letters and visits wait for an agent
 * with no escalation; their clock is their ticket's response deadline.
 */
final class EscalationTimeline {

    private EscalationTimeline() {
    }

    static Escalation of(QueueSettings queue, Channel channel, Instant arrivedAt) {
        if (!channel.isVoice()) {
            return Escalation.NONE;
        }
        var clock = new RingClock(queue.ringPeriod());
        return new Escalation(clock.startOfRing(arrivedAt, queue.alertRing()).toEpochMilli(),
                clock.startOfRing(arrivedAt, queue.widenRing()).toEpochMilli(),
                clock.startOfRing(arrivedAt, queue.overflowRing()).toEpochMilli());
    }
}
