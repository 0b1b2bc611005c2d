package dev.hotline.console;

import dev.hotline.ticket.MajorIncidentOpened;
import dev.hotline.ticket.TicketDeadlineMissed;
import dev.hotline.ticket.TicketDeadlineNear;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Instant;

/**
 * The wallboard's ticket alerts (SPEC §4): a major complaint opened, an SLA deadline near or missed. Each event is
 * raised once in the cluster (the deadline watch's unique alert row, the ticket's transaction) and sent to every
 * node's supervisors after its commit, and kept ({@link WallboardAlerts}).
 */
@Component
class TicketAlerts {

    private final WallboardAlerts alerts;

    TicketAlerts(WallboardAlerts alerts) {
        this.alerts = alerts;
    }

    @TransactionalEventListener
    void on(MajorIncidentOpened e) {
        alert(new ConsoleMessages.TicketAlert("alert", "major-incident", e.ticketId(), e.number(), null, null,
                e.assignee(), e.at()));
    }

    @TransactionalEventListener
    void on(TicketDeadlineNear e) {
        alert(new ConsoleMessages.TicketAlert("alert", "deadline-near", e.ticketId(), e.number(), e.kind().name(),
                e.dueAt(), e.assignee(), Instant.now()));
    }

    @TransactionalEventListener
    void on(TicketDeadlineMissed e) {
        alert(new ConsoleMessages.TicketAlert("alert", "deadline-missed", e.ticketId(), e.number(), e.kind().name(),
                e.dueAt(), e.assignee(), Instant.now()));
    }

    private void alert(ConsoleMessages.TicketAlert alert) {
        alerts.raise(alert.kind(), alert.at(), alert);
    }
}
