package dev.hotline.console;

import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketQuery;
import dev.hotline.ticket.TicketStatus;
import dev.hotline.ticket.TicketView;
import dev.hotline.shared.ContactId;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The customer's open tickets for the screen pop, at most 5, so the pop stays small and fast. Drafts of other contacts
 * are left out: every contact opens one, and one nobody worked on is not a request to follow up. This contact's own
 * draft stays: it is the ticket the agent is about to fill.
 */
@Component
class TicketBackedOpenTickets implements OpenTickets {

    private final TicketManagement tickets;

    TicketBackedOpenTickets(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @Override
    public List<ScreenPop.OpenTicket> of(long customerId, ContactId current) {
        Long own = current == null ? null : tickets.findByContact(current).map(TicketView::id).orElse(null);
        var query = new TicketQuery(null, null, null, null, customerId, true, null);
        return tickets.search(query, PageRequest.of(0, 20)).stream()
                .filter(t -> t.status() != TicketStatus.DRAFT || Long.valueOf(t.id()).equals(own))
                .limit(5)
                .map(t -> new ScreenPop.OpenTicket(t.number(), t.type() == null ? null : t.type().name(),
                        t.status().name(), t.fields() == null ? null : t.fields().subject(), null))
                .toList();
    }
}
