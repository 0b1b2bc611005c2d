package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.ContactRouting;
import dev.hotline.customer.CustomerDirectory;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.ticket.TicketActor;
import dev.hotline.ticket.TicketManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A caller from an unknown number registered in the archive from the screen pop belongs to the contact in hand: the
 * contact's record and its (draft) ticket name the new customer, so the timeline and the ticket's customer are right
 * without retyping. The ticket API's rights decide whether the agent may (their own contact only).
 */
@Tag(name = "Consoles")
@RestController
class CallerRegistration {

    private final ContactIntake contacts;
    private final TicketManagement tickets;
    private final CustomerDirectory customers;
    private final ContactRouting routing;

    CallerRegistration(ContactIntake contacts, TicketManagement tickets, CustomerDirectory customers,
                       ContactRouting routing) {
        this.contacts = contacts;
        this.routing = routing;
        this.tickets = tickets;
        this.customers = customers;
    }

    record Caller(@NotNull Long customerId) {
    }

    record Identified(long contactId, long customerId, Long ticketId) {
    }

    @Operation(summary = "Name the customer of a contact whose caller was just registered (contact and its ticket)")
    @PutMapping("/api/console/contacts/{contactId}/customer")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    Identified identify(@PathVariable String contactId, @Valid @RequestBody Caller body, Authentication auth) {
        var id = ContactId.of(contactId);
        var customer = customers.find(body.customerId())
                .orElseThrow(() -> new NotFoundException("Customer", body.customerId()));
        contacts.find(id).orElseThrow(() -> new NotFoundException("Contact", contactId));
        boolean supervisor = auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_SUPERVISOR"));
        var actor = supervisor ? TicketActor.supervisor(auth.getName()) : TicketActor.agent(auth.getName());
        // the ticket API checks the contact is the agent's before anything changes
        var ticket = tickets.identifyCustomer(id, customer.id(), actor);
        contacts.identifyCaller(id, customer.id(), customer.tier());
        routing.identified(id, customer.id(), customer.tier());
        return new Identified(id.value(), customer.id(), ticket.map(t -> t.id()).orElse(null));
    }
}
