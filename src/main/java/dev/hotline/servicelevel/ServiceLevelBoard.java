package dev.hotline.servicelevel;

import dev.hotline.contact.ContactEnded;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.RingClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * An in-memory record of the last day's finished contacts seen by this node, for {@link ServiceLevels}. A stop-gap:
 * the wallboard issue replaces it with a read model shared by all nodes (each node sees only the contacts whose
 * end it published).
 */
@Component
class ServiceLevelBoard implements ServiceLevels {

    private static final Duration KEPT = Duration.ofHours(24);

    private final ContactRouting routing;
    private final int targetRings;
    private final Duration shortAbandon;
    private final ConcurrentLinkedDeque<ServiceLevel.Outcome> outcomes = new ConcurrentLinkedDeque<>();

    ServiceLevelBoard(ContactRouting routing,
                      @Value("${hotline.servicelevel.target-rings:3}") int targetRings,
                      @Value("${hotline.servicelevel.short-abandon:5s}") Duration shortAbandon) {
        this.routing = routing;
        this.targetRings = targetRings;
        this.shortAbandon = shortAbandon;
    }

    @EventListener
    void on(ContactEnded e) {
        Integer rings = null;
        if (e.outcome() == ContactOutcome.ANSWERED && e.answeredAt() != null) {
            rings = new RingClock(routing.queue(e.queue()).ringPeriod()).ringsToAnswer(e.arrivedAt(), e.answeredAt());
        }
        outcomes.addLast(new ServiceLevel.Outcome(e.queue(), e.agent(), e.outcome(), e.arrivedAt(), e.endedAt(), rings));
        forgetBefore(e.endedAt().minus(KEPT));
    }

    @Override
    public ServiceLevel queue(String queue, Instant since) {
        return ServiceLevel.ofQueue(since(since), queue, targetRings, shortAbandon);
    }

    @Override
    public ServiceLevel agent(String agent, Instant since) {
        return ServiceLevel.ofAgent(since(since), agent, targetRings, shortAbandon);
    }

    private List<ServiceLevel.Outcome> since(Instant since) {
        return outcomes.stream().filter(o -> !o.endedAt().isBefore(since)).toList();
    }

    private void forgetBefore(Instant cutoff) {
        for (Iterator<ServiceLevel.Outcome> it = outcomes.iterator(); it.hasNext(); ) {
            if (!it.next().endedAt().isBefore(cutoff)) {
                break;
            }
            it.remove();
        }
    }
}
