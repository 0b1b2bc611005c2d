package dev.hotline.followup;

import dev.hotline.shared.DomainException;
import dev.hotline.ticket.TicketActor;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a complaint the customer is not satisfied with back into the complaint flow (003 §4.4.4: 再次进入抱怨处理流程)
 * through the ticket module's API: the same complaint is REOPENED, whether it was still at CUSTOMER_INFORMED or
 * already CLOSED (a closed complaint is not final for an unhappy customer), and the ticket module raises
 * {@code ComplaintEscalated(REOPENED)} so the general manager is copied. After the survey's commit and retried by the
 * event publication registry, so a refused step never undoes the customer's answer.
 */
@Component
class ComplaintReopener {

    private static final Logger log = LoggerFactory.getLogger(ComplaintReopener.class);

    private final TicketManagement tickets;

    ComplaintReopener(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(CustomerNotSatisfied event) {
        if (event.ticketId() == null) {
            return;
        }
        var ticket = tickets.find(event.ticketId()).orElse(null);
        if (ticket == null || ticket.type() != TicketType.COMPLAINT) {
            return;
        }
        String note = "Customer not satisfied (follow-up" + (event.surveyId() != null ? " survey " + event.surveyId()
                : " visit " + event.visitTaskId()) + ")" + (event.comment() == null ? "" : ": " + event.comment());
        try {
            tickets.reopenNotSatisfied(ticket.id(), clip(note), TicketActor.SYSTEM);
        } catch (DomainException e) {
            // already back in work (a second unhappy answer): nothing to reopen, nothing to retry
            log.info("Complaint {} not reopened: {}", ticket.number(), e.getMessage());
        }
    }

    private static String clip(String s) {
        return s.length() <= 1900 ? s : s.substring(0, 1900);
    }
}
