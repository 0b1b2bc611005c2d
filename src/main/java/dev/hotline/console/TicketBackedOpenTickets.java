package dev.hotline.console;

import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketQuery;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/** The customer's open tickets for the screen pop, at most 5, so the pop stays small and fast. */
@Component
class TicketBackedOpenTickets implements OpenTickets {

    private final TicketManagement tickets;

    TicketBackedOpenTickets(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @Override
    public List<ScreenPop.OpenTicket> of(long customerId) {
        var query = new TicketQuery(null, null, null, null, customerId, true, null);
        return tickets.search(query, PageRequest.of(0, 5)).stream()
                .map(t -> new ScreenPop.OpenTicket(t.number(), t.type() == null ? null : t.type().name(),
                        t.status().name(), t.fields() == null ? null : t.fields().subject(), null))
                .toList();
    }
}
