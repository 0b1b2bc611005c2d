package dev.hotline.followup;

import dev.hotline.customer.CustomerCard;
import dev.hotline.customer.CustomerDirectory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

/** Computes a {@link MonthlyReport} with a handful of aggregate queries, whatever the number of surveys. */
@Component
class MonthlyReportQuery {

    private static final int NOT_SATISFIED_LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final CustomerDirectory customers;
    private final FollowupProperties properties;
    private final ZoneId zone;

    MonthlyReportQuery(JdbcTemplate jdbc, CustomerDirectory customers, FollowupProperties properties,
                       FollowupCalendar calendar) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.properties = properties;
        this.zone = calendar.zone();
    }

    /** The report of the local days [from, to). */
    MonthlyReport compute(String period, LocalDate from, LocalDate to, Instant now) {
        var start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        var end = Timestamp.from(to.atStartOfDay(zone).toInstant());
        var totals = jdbc.queryForMap("""
                select count(*) as invited, coalesce(sum(status = 'ANSWERED'), 0) as answered,
                       avg(case when status = 'ANSWERED' then score end) as average
                from survey where created_at >= ? and created_at < ?""", start, end);
        long invited = ((Number) totals.get("invited")).longValue();
        long answered = ((Number) totals.get("answered")).longValue();
        BigDecimal average = totals.get("average") == null ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(totals.get("average").toString()).setScale(2, RoundingMode.HALF_UP);
        var survey = properties.survey();
        var notSatisfied = jdbc.query("""
                select id, customer_id, ticket_number, score, comment, answered_at from survey
                where created_at >= ? and created_at < ? and status = 'ANSWERED' and satisfied = false
                order by answered_at, id limit ?""", (rs, i) -> new MonthlyReport.NotSatisfied(rs.getLong(1),
                rs.getLong(2), null, rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                VisitRows.instant(rs.getTimestamp(6))), start, end, NOT_SATISFIED_LIMIT).stream()
                .map(n -> new MonthlyReport.NotSatisfied(n.surveyId(), n.customerId(),
                        customers.find(n.customerId()).map(CustomerCard::name).orElse(null), n.ticketNumber(),
                        n.score(), n.comment(), n.answeredAt()))
                .toList();
        long visitsDue = count("select count(*) from visit_task where due_on >= ? and due_on < ? "
                + "and status <> 'CANCELLED'", from, to);
        long visitsDueDone = count("select count(*) from visit_task where due_on >= ? and due_on < ? "
                + "and status = 'DONE'", from, to);
        long visitsDone = count("select count(*) from visit_task where status = 'DONE' and done_at >= ? "
                + "and done_at < ?", start, end);
        var yearStart = Timestamp.from(LocalDate.of(to.minusDays(1).getYear(), 1, 1).atStartOfDay(zone).toInstant());
        long customerCount = count("select count(*) from customer");
        long visitedThisYear = count("select count(distinct customer_id) from visit_task where status = 'DONE' "
                + "and done_at >= ? and done_at < ?", yearStart, end);
        double requiredPercent = properties.yearlyCoveragePercent();
        long required = (long) Math.ceil(customerCount * requiredPercent / 100.0 - 1e-9);
        return new MonthlyReport(period, from, to, now, invited, answered, percent(answered, invited),
                distribution(start, end), average, survey.target(), answered > 0 && average.doubleValue() > survey.target(),
                notSatisfied, visitsDue, visitsDueDone, visitsDone, customerCount, visitedThisYear,
                percent(visitedThisYear, customerCount), requiredPercent, required,
                Math.max(0, required - visitedThisYear));
    }

    private Map<Dimension, Map<Level, Long>> distribution(Timestamp start, Timestamp end) {
        var result = new EnumMap<Dimension, Map<Level, Long>>(Dimension.class);
        for (var dimension : Dimension.values()) {
            var counts = new EnumMap<Level, Long>(Level.class);
            for (var level : Level.values()) {
                counts.put(level, 0L);
            }
            // the column name comes from the enum, never from input
            String column = dimension.name().toLowerCase();
            jdbc.query("select " + column + ", count(*) from survey where created_at >= ? and created_at < ? "
                            + "and status = 'ANSWERED' group by " + column,
                    rs -> {
                        counts.put(Level.valueOf(rs.getString(1)), rs.getLong(2));
                    }, start, end);
            result.put(dimension, counts);
        }
        return result;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
