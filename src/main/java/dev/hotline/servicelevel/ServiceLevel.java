package dev.hotline.servicelevel;

import dev.hotline.contact.ContactOutcome;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The three-ring rule as a number: contacts answered within {@code targetRings} rings / contacts offered, where
 * abandons shorter than {@code shortAbandon} do not count as offered (the caller hung up before a ring could matter).
 * With nothing offered the service level is 100%.
 */
public record ServiceLevel(long offered, long answeredInTime, long answered, long abandoned, long overflowed) {

    /** One finished contact. {@code ringsToAnswer} null when not answered. */
    public record Outcome(String queue, String agent, ContactOutcome outcome, Instant arrivedAt, Instant endedAt,
                          Integer ringsToAnswer) {
    }

    public static ServiceLevel of(Collection<Outcome> outcomes, int targetRings, Duration shortAbandon) {
        long offered = 0, inTime = 0, answered = 0, abandoned = 0, overflowed = 0;
        for (Outcome o : outcomes) {
            if (o.outcome() == ContactOutcome.ABANDONED) {
                if (Duration.between(o.arrivedAt(), o.endedAt()).compareTo(shortAbandon) < 0) {
                    continue;
                }
                abandoned++;
            } else if (o.outcome() == ContactOutcome.ANSWERED) {
                answered++;
                if (o.ringsToAnswer() != null && o.ringsToAnswer() <= targetRings) {
                    inTime++;
                }
            } else if (o.outcome() == ContactOutcome.OVERFLOWED) {
                overflowed++;
            }
            offered++;
        }
        return new ServiceLevel(offered, inTime, answered, abandoned, overflowed);
    }

    /** Only the queue's contacts. */
    public static ServiceLevel ofQueue(Collection<Outcome> outcomes, String queue, int targetRings, Duration shortAbandon) {
        return of(outcomes.stream().filter(o -> queue.equals(o.queue())).toList(), targetRings, shortAbandon);
    }

    /** An agent's share: of the contacts the agent answered, those answered within the target rings. */
    public static ServiceLevel ofAgent(Collection<Outcome> outcomes, String agent, int targetRings, Duration shortAbandon) {
        return of(outcomes.stream().filter(o -> agent.equals(o.agent())).toList(), targetRings, shortAbandon);
    }

    /** 0..1; 1 when nothing was offered. */
    public double ratio() {
        return offered == 0 ? 1.0 : (double) answeredInTime / offered;
    }
}
