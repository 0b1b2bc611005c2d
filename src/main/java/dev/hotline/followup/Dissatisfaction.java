package dev.hotline.followup;

import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * A customer said they are not satisfied: publishes {@link CustomerNotSatisfied} in the caller's transaction, so the
 * event (kept by the event publication registry) exists exactly when the answer or outcome was stored.
 */
@Component
class Dissatisfaction {

    private final ApplicationEventPublisher events;
    private final TicketManagement tickets;

    Dissatisfaction(ApplicationEventPublisher events, TicketManagement tickets) {
        this.events = events;
        this.tickets = tickets;
    }

    void notSatisfied(long customerId, Long ticketId, Long surveyId, Long visitTaskId, Double score, String comment,
                      String by, Instant at) {
        String number = ticketId == null ? null : tickets.find(ticketId).map(TicketView::number).orElse(null);
        events.publishEvent(new CustomerNotSatisfied(customerId, ticketId, number, surveyId, visitTaskId, score,
                comment, by, at));
    }
}
