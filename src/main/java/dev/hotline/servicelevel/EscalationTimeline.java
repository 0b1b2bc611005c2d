package dev.hotline.servicelevel;

import dev.hotline.routing.QueueSettings;
import dev.hotline.shared.RingClock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When each escalation step of a waiting contact is due: at the start of the configured ring, counted by the queue's
 * {@link RingClock} from the contact's arrival (so a contact picked up by another node keeps its timeline).
 */
record EscalationTimeline(List<Step> steps) {

    record Step(EscalationStep action, int ring, Instant at) {
    }

    static EscalationTimeline of(QueueSettings queue, Instant arrivedAt) {
        var clock = new RingClock(queue.ringPeriod());
        var steps = new ArrayList<Step>(3);
        steps.add(new Step(EscalationStep.ALERT, queue.alertRing(), clock.startOfRing(arrivedAt, queue.alertRing())));
        steps.add(new Step(EscalationStep.WIDEN, queue.widenRing(), clock.startOfRing(arrivedAt, queue.widenRing())));
        steps.add(new Step(EscalationStep.OVERFLOW, queue.overflowRing(), clock.startOfRing(arrivedAt, queue.overflowRing())));
        // stable sort: with equal rings, alert before widen before overflow
        steps.sort(Comparator.comparing(Step::at));
        return new EscalationTimeline(List.copyOf(steps));
    }
}
