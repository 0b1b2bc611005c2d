package dev.hotline.ticket;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Raises near and missed alerts for running SLA clocks and escalates missed complaints to MAJOR, copied to the general
 * manager. Exactly once: ShedLock keeps the scheduled run on one node, and each alert is a unique row inserted in the
 * same transaction as its events and escalation, so overlapping runs (a lock that expired, a manual run) fire nothing
 * twice.
 */
@Component
class DeadlineWatch {

    enum AlertKind {
        NEAR, MISSED
    }

    /** An alert this run raised. */
    record Alert(long ticketId, DeadlineKind deadline, AlertKind kind) {
    }

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatch.class);
    private static final int BATCH = 500;

    private final TicketDeadlineRepository deadlines;
    private final TicketRepository tickets;
    private final TicketHistoryRepository history;
    private final SlaPolicy sla;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    DeadlineWatch(TicketDeadlineRepository deadlines, TicketRepository tickets, TicketHistoryRepository history,
                  SlaPolicy sla, JdbcTemplate jdbc, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, ObjectProvider<Clock> clock) {
        this.deadlines = deadlines;
        this.tickets = tickets;
        this.history = history;
        this.sla = sla;
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(initialDelayString = "${hotline.ticket.watch-interval:60s}",
            fixedDelayString = "${hotline.ticket.watch-interval:60s}")
    @SchedulerLock(name = "ticket-deadline-watch", lockAtMostFor = "PT10M", lockAtLeastFor = "PT5S")
    void scheduledCheck() {
        var raised = check(clock.instant());
        if (!raised.isEmpty()) {
            log.info("Deadline watch raised {} alert(s)", raised.size());
        }
    }

    /** Raises every alert due at {@code now} that has not been raised yet; returns those this call raised. */
    List<Alert> check(Instant now) {
        var raised = new ArrayList<Alert>();
        for (var deadline : deadlines.runningPastNear(now, PageRequest.of(0, BATCH))) {
            var kind = now.isAfter(deadline.dueAt()) ? AlertKind.MISSED : AlertKind.NEAR;
            try {
                Alert alert = tx.execute(status -> raise(deadline.ticketId(), deadline.id(), kind, now));
                if (alert != null) {
                    raised.add(alert);
                }
            } catch (RuntimeException e) {
                // one broken ticket must not stop the watch for all others; the next run retries it
                log.warn("Could not raise {} alert for deadline {}: {}", kind, deadline.id(), e.toString());
            }
        }
        return raised;
    }

    private Alert raise(Long ticketId, Long deadlineId, AlertKind kind, Instant now) {
        // ticket row first, then the alert row: every writer takes the locks in this order, so no deadlock; the
        // deadline is read after the lock, so a clock stopped meanwhile is seen stopped
        var ticket = tickets.lockById(ticketId).orElse(null);
        var deadline = deadlines.findById(deadlineId).orElse(null);
        if (ticket == null || deadline == null || deadline.stoppedAt() != null) {
            return null;
        }
        int inserted = jdbc.update("""
                insert ignore into ticket_alert (ticket_id, deadline_kind, alert_kind, due_at, raised_at)
                values (?, ?, ?, ?, ?)""", ticket.id(), deadline.kind().name(), kind.name(),
                java.sql.Timestamp.from(deadline.dueAt()), java.sql.Timestamp.from(now));
        if (inserted == 0) {
            return null;
        }
        if (kind == AlertKind.NEAR) {
            events.publishEvent(new TicketDeadlineNear(ticket.id(), ticket.number(), ticket.type(), deadline.kind(),
                    deadline.dueAt(), ticket.assignee()));
        } else {
            events.publishEvent(new TicketDeadlineMissed(ticket.id(), ticket.number(), ticket.type(),
                    ticket.severity(), deadline.kind(), deadline.dueAt(), ticket.assignee()));
            if (ticket.type() == TicketType.COMPLAINT) {
                escalate(ticket, deadline, now);
            }
        }
        return new Alert(ticket.id(), deadline.kind(), kind);
    }

    /** An overdue complaint becomes major (special team, 24 h) and is copied to the general manager (003 §4.4.5–6). */
    private void escalate(Ticket ticket, TicketDeadline deadline, Instant now) {
        var before = ticket.severity();
        ticket.escalateToMajor();
        String note = deadline.kind() + " deadline " + deadline.dueAt() + " missed; severity " + before + " -> MAJOR";
        history.save(new TicketHistoryEntry(ticket.id(), now, "system", "ESCALATED", ticket.status(),
                ticket.status(), note));
        if (before != Severity.MAJOR) {
            var existing = deadlines.findByTicketIdOrderByDueAtAsc(ticket.id()).stream()
                    .map(TicketDeadline::kind).toList();
            sla.onSeverityChange(ticket.type(), Severity.MAJOR, now).stream()
                    .filter(plan -> !existing.contains(plan.kind()))
                    .forEach(plan -> deadlines.save(new TicketDeadline(ticket.id(), plan)));
        }
        events.publishEvent(new ComplaintEscalated(ticket.id(), ticket.number(),
                ComplaintEscalated.Reason.DEADLINE_MISSED, Severity.MAJOR, ticket.customerId(), ticket.assignee(),
                note, now));
    }
}
