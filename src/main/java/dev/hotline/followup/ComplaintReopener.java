package dev.hotline.followup;

import dev.hotline.shared.DomainException;
import dev.hotline.ticket.NewTicket;
import dev.hotline.ticket.TicketActor;
import dev.hotline.ticket.TicketFields;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketStatus;
import dev.hotline.ticket.TicketType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a complaint the customer is not satisfied with back into the complaint flow (003 §4.4.4: 再次进入抱怨处理流程)
 * through the ticket module's API. A complaint still at CUSTOMER_INFORMED is reopened in place; the flow treats a
 * CLOSED ticket as final, so a closed one gets a new complaint that names it. After the survey's commit and retried by
 * the event publication registry, so a refused step never undoes the customer's answer.
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
                : " visit " + event.visitTaskId()) + (event.comment() == null ? "" : "): " + event.comment());
        try {
            if (ticket.status() == TicketStatus.CUSTOMER_INFORMED) {
                tickets.transition(ticket.id(), TicketStatus.REOPENED, TicketFields.NONE, clip(note),
                        TicketActor.SYSTEM);
            } else if (ticket.status() == TicketStatus.CLOSED) {
                var f = ticket.fields();
                var fields = new TicketFields(TicketType.COMPLAINT, f.category(), f.severity(),
                        clip("Not satisfied after " + ticket.number()), clip(note + " | earlier: " + f.description()),
                        f.productSerial(), f.orderNo(), f.partNo(), f.shipDate(), f.quantity(), f.defectQuantity(),
                        f.customerDemand(), null, null, null, null, null, null, null, null, null, null);
                var reopened = tickets.create(new NewTicket(ticket.customerId(), null, fields), TicketActor.SYSTEM);
                tickets.comment(reopened.id(), "Reopens " + ticket.number() + " (closed): " + clip(note),
                        TicketActor.SYSTEM);
            }
        } catch (DomainException e) {
            // the flow refused (e.g. the complaint is already back in work): nothing to reopen, nothing to retry
            log.info("Complaint {} not reopened: {}", ticket.number(), e.getMessage());
        }
    }

    private static String clip(String s) {
        return s.length() <= 1900 ? s : s.substring(0, 1900);
    }
}
