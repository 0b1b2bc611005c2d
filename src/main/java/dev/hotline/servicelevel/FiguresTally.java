package dev.hotline.servicelevel;

import java.util.Map;
import java.util.TreeMap;

/** Sums the grouped rows of one interval and queue (or agent) into {@link ContactFigures}. */
final class FiguresTally {

    final String interval;
    final String queue;
    final String agent;
    long offered, answered, inTime, abandoned, overflowed, ringNoAnswers, offers, ringsSum;
    long waitMicros, handleMicros;
    final Map<Integer, Long> rings = new TreeMap<>();
    final Map<Integer, Long> abandonRings = new TreeMap<>();
    Double occupancy;

    FiguresTally(String interval, String queue, String agent) {
        this.interval = interval;
        this.queue = queue;
        this.agent = agent;
    }

    /** {@code n} contacts of one outcome that ended on ring {@code ring} (answer or hang-up). */
    void add(String outcome, Integer ring, boolean shortAbandon, long n, long ringsSum, long waitMicros,
             long handleMicros, int targetRings) {
        if (!shortAbandon) {
            offered += n;
        }
        switch (outcome) {
            case "ANSWERED" -> {
                answered += n;
                this.waitMicros += waitMicros;
                this.handleMicros += handleMicros;
                if (ring != null) {
                    rings.merge(ring, n, Long::sum);
                    this.ringsSum += ringsSum;
                    if (ring <= targetRings) {
                        inTime += n;
                    }
                }
            }
            case "ABANDONED" -> {
                if (!shortAbandon) {
                    abandoned += n;
                }
                if (ring != null) {
                    abandonRings.merge(ring, n, Long::sum);
                }
            }
            case "OVERFLOWED" -> overflowed += n;
            default -> {
            }
        }
    }

    /** Adds {@code other} (a finer interval of the same queue or agent) to this one. */
    void add(FiguresTally other) {
        offered += other.offered;
        answered += other.answered;
        inTime += other.inTime;
        abandoned += other.abandoned;
        overflowed += other.overflowed;
        ringNoAnswers += other.ringNoAnswers;
        offers += other.offers;
        ringsSum += other.ringsSum;
        waitMicros += other.waitMicros;
        handleMicros += other.handleMicros;
        other.rings.forEach((ring, n) -> rings.merge(ring, n, Long::sum));
        other.abandonRings.forEach((ring, n) -> abandonRings.merge(ring, n, Long::sum));
    }

    ContactFigures figures() {
        // an agent is offered what rang at them; their service level is the share of their answers within target
        long offeredHere = agent != null ? offers : offered;
        long base = agent != null ? answered : offered;
        return new ContactFigures(interval, queue, agent, offeredHere, answered, inTime, percent(inTime, base), ratio(ringsSum, answered), Map.copyOf(rings), abandoned,
                Map.copyOf(abandonRings), overflowed, ratio(waitMicros / 1e6, answered),
                ratio(handleMicros / 1e6, answered), ringNoAnswers, offers, occupancy);
    }

    static Double percent(double part, double whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }

    private static Double ratio(double sum, long count) {
        return count == 0 ? null : Math.round(sum * 100.0 / count) / 100.0;
    }
}
