package dev.hotline.followup;

import dev.hotline.ticket.TicketClosed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Plans visits in set-based SQL: one INSERT … SELECT over the whole archive, so a million customers cost one statement,
 * not a million queries. Idempotent and cluster-safe by the unique keys of {@code visit_task} (one open tier task per
 * customer, one task per ticket): a second run or a second node inserts nothing. Reads the customer archive's table
 * read-only (tier, created_at): joining it is what keeps planning set-based.
 */
@Component
public class VisitPlanner {

    private static final Logger log = LoggerFactory.getLogger(VisitPlanner.class);

    private final JdbcTemplate jdbc;
    private final FollowupProperties properties;
    private final ZoneId zone;

    VisitPlanner(JdbcTemplate jdbc, FollowupProperties properties, FollowupCalendar calendar) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.zone = calendar.zone();
    }

    /**
     * Plans a tier visit for every KEY and LONG_TERM customer whose next visit (last done visit, or joining the
     * archive, plus the tier's interval) falls due within the plan-ahead window from {@code today}. Returns the
     * number of tasks created.
     */
    public int planTierVisits(LocalDate today, Instant now) {
        int created = jdbc.update("""
                insert ignore into visit_task (customer_id, reason, due_on, status, open_tier_key, created_at, created_by)
                select p.id, 'TIER_SCHEDULE', p.next_due, 'OPEN', p.id, ?, 'planner'
                from (select c.id, date_add(coalesce(date(v.last_done), date(c.created_at)),
                                            interval case c.tier when 'KEY' then ? else ? end month) as next_due
                      from customer c
                      left join (select customer_id, max(done_at) as last_done from visit_task
                                 where status = 'DONE' group by customer_id) v on v.customer_id = c.id
                      where c.tier in ('KEY', 'LONG_TERM')) p
                where p.next_due <= ?""",
                Timestamp.from(now), properties.keyIntervalMonths(), properties.longTermIntervalMonths(),
                today.plusDays(properties.planAheadDays()));
        log.info("Visit planning for {}: {} tier visit(s) planned", today, created);
        return created;
    }

    /** A visit after a closed ticket of a type that gets one; idempotent per ticket. True when a task was created. */
    public boolean planAfterTicket(TicketClosed closed) {
        Integer days = properties.afterTicket(closed.type());
        if (days == null || closed.customerId() == null) {
            return false;
        }
        LocalDate due = closed.closedAt().atZone(zone).toLocalDate().plusDays(days);
        return jdbc.update("""
                insert ignore into visit_task (customer_id, ticket_id, ticket_number, reason, due_on, status,
                                               created_at, created_by)
                values (?, ?, ?, 'AFTER_TICKET', ?, 'OPEN', ?, 'system')""",
                closed.customerId(), closed.ticketId(), closed.number(), due, Timestamp.from(closed.closedAt())) > 0;
    }

    /** Coverage of {@code year} so far and the open tasks due by {@code today}. */
    public Coverage coverage(int year, LocalDate today) {
        long customers = count("select count(*) from customer");
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        long visited = count("select count(distinct customer_id) from visit_task where status = 'DONE' "
                + "and done_at >= ? and done_at < ?", Timestamp.from(from), Timestamp.from(to));
        double percent = properties.yearlyCoveragePercent();
        long required = (long) Math.ceil(customers * percent / 100.0 - 1e-9);
        long openDue = count("select count(*) from visit_task where status = 'OPEN' and due_on <= ?", today);
        long overdue = count("select count(*) from visit_task where status = 'OPEN' and due_on < ?", today);
        double visitedPercent = customers == 0 ? 0 : Math.round(visited * 10000.0 / customers) / 100.0;
        return new Coverage(year, customers, visited, visitedPercent, percent, required,
                Math.max(0, required - visited), openDue, overdue);
    }

    /** Per assignee (null = the pool): open tasks due by today, overdue, and done since the 1st of this month. */
    public List<Map<String, Object>> perAgent(LocalDate today) {
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(zone).toInstant();
        return jdbc.queryForList("""
                select assignee,
                       coalesce(sum(status = 'OPEN' and due_on <= ?), 0) as due,
                       coalesce(sum(status = 'OPEN' and due_on < ?), 0) as overdue,
                       coalesce(sum(status = 'DONE' and done_at >= ?), 0) as done_this_month
                from visit_task
                where status = 'OPEN' or (status = 'DONE' and done_at >= ?)
                group by assignee order by assignee""", today, today, Timestamp.from(monthStart),
                Timestamp.from(monthStart));
    }

    private long count(String sql, Object... args) {
        Long value = jdbc.queryForObject(sql, Long.class, args);
        return value == null ? 0 : value;
    }
}
