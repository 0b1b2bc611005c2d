package dev.hotline.servicelevel;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link ContactReports} in SQL: one grouped scan of the month's contacts (by interval, queue or agent, outcome and
 * ring), one of their offers, one of the agents' state changes; Java only folds the grouped rows (and sums fine
 * intervals into coarse ones). Intervals are cut in
 * the report zone at its UTC offset at the start of the period (China has no daylight saving time).
 */
@Repository
@Transactional(readOnly = true)
class ContactReportQueries implements ContactReports {

    /** Ring histograms stop here: the last bucket counts this ring and all later ones. */
    static final int LAST_RING = 10;

    private final JdbcTemplate jdbc;
    private final int targetRings;
    private final Duration shortAbandon;
    private final ZoneId zone;

    ContactReportQueries(JdbcTemplate jdbc,
                         @Value("${hotline.servicelevel.target-rings:3}") int targetRings,
                         @Value("${hotline.servicelevel.short-abandon:5s}") Duration shortAbandon,
                         @Value("${hotline.servicelevel.report-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.targetRings = targetRings;
        this.shortAbandon = shortAbandon;
        this.zone = zone;
    }

    @Override
    public List<ContactFigures> byQueue(Instant from, Instant to, Granularity granularity) {
        return byQueue(from, to, EnumSet.of(granularity)).get(granularity);
    }

    @Override
    public Map<Granularity, List<ContactFigures>> byQueue(Instant from, Instant to, Set<Granularity> granularities) {
        var finest = Collections.min(granularities);
        var tallies = new LinkedHashMap<String, FiguresTally>();
        outcomes(from, to, finest, "c.queue", (interval, key) -> new FiguresTally(interval, key, null), tallies);
        offers(from, to, finest, "c.queue", (interval, key) -> new FiguresTally(interval, key, null), tallies);
        var figures = new EnumMap<Granularity, List<ContactFigures>>(Granularity.class);
        for (var granularity : granularities) {
            var coarse = new LinkedHashMap<String, FiguresTally>();
            for (var t : tallies.values()) {
                tally(coarse, (interval, key) -> new FiguresTally(interval, key, null), granularity.labelOf(t.interval),
                        t.queue).add(t);
            }
            figures.put(granularity, sorted(coarse));
        }
        return figures;
    }

    @Override
    public List<ContactFigures> byAgent(Instant from, Instant to, Granularity granularity) {
        var tallies = new LinkedHashMap<String, FiguresTally>();
        outcomes(from, to, granularity, "c.agent", (interval, key) -> new FiguresTally(interval, null, key), tallies);
        offers(from, to, granularity, "h.agent", (interval, key) -> new FiguresTally(interval, null, key), tallies);
        var occupancy = new AgentOccupancy(jdbc, zone.getRules().getOffset(from), granularity).between(from, to);
        tallies.values().forEach(t -> t.occupancy = occupancy.get(t.interval + "\n" + t.agent));
        return sorted(tallies);
    }

    @Override
    public ServiceLevel serviceLevel(String queue, Instant since) {
        var rows = byQueue(since, Instant.now().plus(Duration.ofDays(1)), Granularity.MONTH).stream()
                .filter(f -> queue.equals(f.queue())).toList();
        long offered = 0, inTime = 0, answered = 0, abandoned = 0, overflowed = 0;
        for (var f : rows) {
            offered += f.offered();
            inTime += f.answeredInTime();
            answered += f.answered();
            abandoned += f.abandoned();
            overflowed += f.overflowed();
        }
        return new ServiceLevel(offered, inTime, answered, abandoned, overflowed);
    }

    interface TallyFactory {
        FiguresTally create(String interval, String key);
    }

    /** Outcomes per interval and key; for agents only their answers (the offers count what rang at them). */
    private void outcomes(Instant from, Instant to, Granularity granularity, String key, TallyFactory factory,
                          Map<String, FiguresTally> tallies) {
        boolean agents = key.endsWith("agent");
        String interval = granularity.sqlLabel("c.arrived_at + INTERVAL ? SECOND");
        String sql = """
                select %s as iv, %s as k, c.outcome,
                    case when c.outcome = 'ANSWERED' then least(c.rings_to_answer, %d)
                         when c.outcome = 'ABANDONED' then least(floor(timestampdiff(microsecond, c.arrived_at,
                             c.ended_at) / 1000 / c.ring_period_ms) + 1, %d) end as ring,
                    (c.outcome = 'ABANDONED' and timestampdiff(microsecond, c.arrived_at, c.ended_at) < ?) as short_abandon,
                    count(*) as n, coalesce(sum(c.rings_to_answer), 0) as rings,
                    coalesce(sum(timestampdiff(microsecond, c.arrived_at, c.answered_at)), 0) as wait_us,
                    coalesce(sum(timestampdiff(microsecond, c.answered_at, c.ended_at)), 0) as handle_us
                from contact c
                where c.arrived_at >= ? and c.arrived_at < ? and c.status = 'ENDED' and %s is not null
                    and c.direction = 'INBOUND' %s
                group by iv, k, c.outcome, ring, short_abandon""".formatted(interval, key, LAST_RING, LAST_RING, key,
                agents ? "and c.outcome = 'ANSWERED'" : "");
        var args = offsets(from, granularity);
        args.add(shortAbandon.toNanos() / 1000);
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        jdbc.query(sql, rs -> {
            tally(tallies, factory, rs.getString(1), rs.getString(2)).add(rs.getString(3), (Integer) rs.getObject(4, Integer.class), rs.getBoolean(5), rs.getLong(6),
                    rs.getLong(7), rs.getLong(8), rs.getLong(9), targetRings);
        }, args.toArray());
    }

    private void offers(Instant from, Instant to, Granularity granularity, String key, TallyFactory factory,
                        Map<String, FiguresTally> tallies) {
        String interval = granularity.sqlLabel("c.arrived_at + INTERVAL ? SECOND");
        String sql = """
                select %s as iv, %s as k, sum(h.action = 'OFFERED') as offers,
                    sum(h.action in ('REQUEUED', 'WITHDRAWN') and h.detail = 'ring-no-answer') as rna
                from contact c join contact_history h on h.contact_id = c.id
                where c.arrived_at >= ? and c.arrived_at < ? and c.status = 'ENDED'
                    and h.action in ('OFFERED', 'REQUEUED', 'WITHDRAWN') and %s is not null
                group by iv, k""".formatted(interval, key, key);
        var args = offsets(from, granularity);
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        jdbc.query(sql, rs -> {
            var tally = tally(tallies, factory, rs.getString(1), rs.getString(2));
            tally.offers += rs.getLong(3);
            tally.ringNoAnswers += rs.getLong(4);
        }, args.toArray());
    }

    /** The zone offset once for each use of it in the interval label's SQL (the 15-minute label uses it twice). */
    private List<Object> offsets(Instant from, Granularity granularity) {
        long offset = zone.getRules().getOffset(from).getTotalSeconds();
        var args = new ArrayList<Object>();
        for (int i = 0; i < (granularity == Granularity.QUARTER_HOUR ? 2 : 1); i++) {
            args.add(offset);
        }
        return args;
    }

    private static FiguresTally tally(Map<String, FiguresTally> tallies, TallyFactory factory, String interval,
                                      String key) {
        return tallies.computeIfAbsent(interval + "\n" + key, k -> factory.create(interval, key));
    }

    private static List<ContactFigures> sorted(Map<String, FiguresTally> tallies) {
        return tallies.values().stream().map(FiguresTally::figures)
                .sorted(Comparator.comparing(ContactFigures::interval)
                        .thenComparing(f -> f.queue() != null ? f.queue() : f.agent()))
                .toList();
    }
}
