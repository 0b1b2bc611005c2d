package dev.hotline.followup;

import dev.hotline.ticket.ComplaintCategory;
import dev.hotline.ticket.NewTicket;
import dev.hotline.ticket.Severity;
import dev.hotline.ticket.TicketActor;
import dev.hotline.ticket.TicketFields;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketStatus;
import dev.hotline.ticket.TicketType;
import dev.hotline.ticket.TicketView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/** Customers and tickets for follow-up tests, written through the ticket API and plain SQL for the archive. */
final class FollowupFixtures {

    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 10_000_000L);

    private FollowupFixtures() {
    }

    static long customer(JdbcTemplate jdbc, String tier, Instant createdAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into customer (name, tier, created_at, updated_at) "
                    + "values (?, ?, ?, ?)", new String[]{"id"});
            ps.setString(1, "回访客户 " + System.nanoTime());
            ps.setString(2, tier);
            ps.setTimestamp(3, Timestamp.from(createdAt));
            ps.setTimestamp(4, Timestamp.from(createdAt));
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.update("insert into customer_phone (customer_id, e164) values (?, ?)", id,
                "+86139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L));
        return id;
    }

    static String phoneOf(JdbcTemplate jdbc, long customerId) {
        return jdbc.queryForObject("select e164 from customer_phone where customer_id = ?", String.class, customerId);
    }

    /** A done visit of a customer on {@code day} (noon UTC), as if recorded back then. */
    static void doneVisit(JdbcTemplate jdbc, long customerId, LocalDate day) {
        var at = Timestamp.from(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
        jdbc.update("""
                insert into visit_task (customer_id, reason, due_on, status, channel, outcome, created_at, created_by,
                                        done_at, done_by) values (?, 'MANUAL', ?, 'DONE', 'PHONE', 'SATISFIED', ?, 't', ?, 't')""",
                customerId, day, at, at);
    }

    /** A complaint walked through its flow up to {@code last} (CUSTOMER_INFORMED or CLOSED). */
    static TicketView complaint(TicketManagement tickets, long customerId, TicketStatus last) {
        var agent = TicketActor.agent("agent.followup");
        var fields = TicketFields.NONE.withType(TicketType.COMPLAINT).with(new TicketFields(null,
                ComplaintCategory.QUALITY, Severity.MINOR, "电机异响", "客户反映电机异响", "SN-FU-" + System.nanoTime(),
                "PO-1", "YS-1", LocalDate.of(2026, 6, 1), 100, 3, "换货", "轴承缺油", "品控中心", "更换轴承",
                null, null, null, null, null, null, null));
        var ticket = tickets.create(new NewTicket(customerId, null, fields), agent);
        for (var step : new TicketStatus[]{TicketStatus.VERIFIED, TicketStatus.ANALYSED, TicketStatus.SOLUTION_AGREED,
                TicketStatus.IMPLEMENTED, TicketStatus.CUSTOMER_INFORMED, TicketStatus.CLOSED}) {
            ticket = tickets.transition(ticket.id(), step, TicketFields.NONE, "step " + step, agent);
            if (step == last) {
                break;
            }
        }
        return ticket;
    }
}
