package dev.hotline.servicelevel;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interval reports from the durable contact record ({@code contact}, {@code contact_history},
 * {@code agent_state_history}): the same figures on every node and after a restart. Contacts count in the interval
 * they arrived in; only ended contacts count.
 */
public interface ContactReports {

    /** One row per interval and queue, in interval then queue order. */
    List<ContactFigures> byQueue(Instant from, Instant to, Granularity granularity);

    /**
     * {@link #byQueue(Instant, Instant, Granularity)} at several granularities at once, from one pass over the
     * contacts at the finest of them (a coarser interval is the sum of the finer ones it holds).
     */
    Map<Granularity, List<ContactFigures>> byQueue(Instant from, Instant to, Set<Granularity> granularities);

    /** One row per interval and agent who was offered or answered a contact, in interval then agent order. */
    List<ContactFigures> byAgent(Instant from, Instant to, Granularity granularity);

    /** The service level (three rings) of a queue's contacts that arrived since {@code since}. */
    ServiceLevel serviceLevel(String queue, Instant since);
}
