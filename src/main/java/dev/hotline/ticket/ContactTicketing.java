package dev.hotline.ticket;

import dev.hotline.contact.ContactAnswered;
import dev.hotline.contact.ContactArrived;
import dev.hotline.contact.ContactDisposed;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every contact gets a ticket: a draft opened when it arrives, taken by the agent who answers it. Durable listeners:
 * the event publication registry redelivers after a crash, and opening is idempotent per contact. Not
 * {@code @ApplicationModuleListener}: its surrounding transaction would hold a second connection for nothing, as each
 * call below is a transaction of its own.
 */
@Component
class ContactTicketing {

    private final TicketManagement tickets;
    private final ContactIntake contacts;

    ContactTicketing(TicketManagement tickets, ContactIntake contacts) {
        this.tickets = tickets;
        this.contacts = contacts;
    }

    @Async
    @TransactionalEventListener
    void openDraftFor(ContactArrived contact) {
        tickets.openForContact(contact.contactId(), contact.customerId(), subjectOf(contact), contact.arrivedAt());
    }

    @Async
    @TransactionalEventListener
    void giveDraftToAnsweringAgent(ContactAnswered contact) {
        // may run before openDraftFor: both are asynchronous, so this opens (idempotently) too
        tickets.takeDraftOf(contact.contactId(), contact.customerId(), contact.arrivedAt(), contact.agent());
    }

    /**
     * The agent's disposition at finish goes on the contact's ticket as the agent's note (also when the caller hung up
     * first). As the system: the agent may no longer hold the ticket, but the words must not be lost.
     */
    @Async
    @TransactionalEventListener
    void noteDisposition(ContactDisposed disposed) {
        if (disposed.disposition() == null || disposed.disposition().isBlank()) {
            return;
        }
        var contact = contacts.find(disposed.contactId());
        var ticket = tickets.findByContact(disposed.contactId()).orElseGet(() -> tickets.openForContact(
                disposed.contactId(), contact.map(ContactSnapshot::customerId).orElse(null),
                contact.map(ContactSnapshot::subject).orElse(null), disposed.at()));
        tickets.comment(ticket.id(), "Disposition (" + disposed.agent() + "): " + disposed.disposition(),
                TicketActor.SYSTEM);
    }

    /** The first line the entry point recorded (message body, letter subject), as the ticket's subject. */
    private String subjectOf(ContactArrived contact) {
        return contacts.find(contact.contactId()).map(ContactSnapshot::subject).orElse(null);
    }
}
