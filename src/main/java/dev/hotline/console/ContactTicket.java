package dev.hotline.console;

import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.ticket.TicketDetail;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketSteps;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The agent console's ticket panel: the contact's ticket with its deadlines and history, and the steps its flow allows
 * next (with the fields each still needs). Changes go through the ticket API (/api/tickets/...).
 */
@Tag(name = "Consoles")
@RestController
class ContactTicket {

    private final TicketManagement tickets;

    ContactTicket(TicketManagement tickets) {
        this.tickets = tickets;
    }

    record Panel(TicketDetail detail, List<TicketSteps.Step> nextSteps) {
    }

    @Operation(summary = "The ticket of a contact as the agent console shows it, with the next steps of its flow")
    @GetMapping("/api/console/contacts/{contactId}/ticket")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    Panel ofContact(@PathVariable String contactId) {
        var ticket = tickets.findByContact(ContactId.of(contactId))
                .orElseThrow(() -> new NotFoundException("Ticket of contact", contactId));
        return panel(ticket.id());
    }

    @Operation(summary = "A ticket as the agent console shows it, with the next steps of its flow")
    @GetMapping("/api/console/tickets/{id}")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    Panel panel(@PathVariable long id) {
        var detail = tickets.detail(id);
        return new Panel(detail, TicketSteps.next(detail.ticket()));
    }
}
