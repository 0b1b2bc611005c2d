package dev.hotline.console;

import dev.hotline.contact.ContactDisposed;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.ticket.TicketActor;
import dev.hotline.ticket.TicketFields;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketStatus;
import dev.hotline.ticket.TicketType;
import dev.hotline.ticket.TicketView;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;

/**
 * Every contact opens a draft ticket; one the agent never filled would stay open for good and crowd the next screen
 * pop's "open tickets". When the agent finishes the contact, such a draft is closed with the disposition: registered
 * and closed as an answered inquiry, or closed without a type for a code that means no request (wrong number, silent
 * call). A draft the agent typed or described is left to them. As the system: the agent may have let go of it.
 */
@Component
class UnfilledDrafts {

    private final TicketManagement tickets;
    private final ContactIntake contacts;
    private final List<String> codes;
    private final List<String> noRequestCodes;

    UnfilledDrafts(TicketManagement tickets, ContactIntake contacts, ConsoleProperties properties) {
        this.tickets = tickets;
        this.contacts = contacts;
        this.codes = properties.dispositionCodes();
        this.noRequestCodes = properties.noRequestCodes();
    }

    @Async
    @TransactionalEventListener
    void closeOnFinish(ContactDisposed disposed) {
        if (disposed.disposition() == null || disposed.disposition().isBlank()) {
            return;
        }
        var contact = contacts.find(disposed.contactId());
        TicketView ticket = tickets.findByContact(disposed.contactId()).orElseGet(() -> tickets.openForContact(
                disposed.contactId(), contact.map(ContactSnapshot::customerId).orElse(null),
                contact.map(ContactSnapshot::subject).orElse(null), disposed.at()));
        if (!unfilled(ticket)) {
            return;
        }
        var disposition = Disposition.parse(disposed.disposition(), codes);
        String note = "Closed at finish by " + disposed.agent() + ": " + disposed.disposition();
        if (disposition.code() != null && noRequestCodes.contains(disposition.code())) {
            tickets.transition(ticket.id(), TicketStatus.CLOSED, null, note, TicketActor.SYSTEM);
            return;
        }
        var inquiry = TicketFields.NONE.withType(TicketType.INQUIRY).with(new TicketFields(null, null, null, null,
                disposed.disposition(), null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null));
        tickets.transition(ticket.id(), TicketStatus.REGISTERED, inquiry, null, TicketActor.SYSTEM);
        tickets.transition(ticket.id(), TicketStatus.CLOSED, null, note, TicketActor.SYSTEM);
    }

    /** A draft with neither a type nor a description: nobody worked on it. */
    static boolean unfilled(TicketView ticket) {
        return ticket.status() == TicketStatus.DRAFT && ticket.type() == null
                && (ticket.fields() == null || ticket.fields().description() == null
                || ticket.fields().description().isBlank());
    }
}
