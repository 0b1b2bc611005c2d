package dev.hotline.ticket;

import dev.hotline.contact.ContactAnswered;
import dev.hotline.contact.ContactArrived;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Every contact gets a ticket: a draft opened when it arrives, taken by the agent who answers it. Durable listeners:
 * the event publication registry redelivers after a crash, and opening is idempotent per contact.
 */
@Component
class ContactTicketing {

    private final TicketManagement tickets;
    private final ContactIntake contacts;

    ContactTicketing(TicketManagement tickets, ContactIntake contacts) {
        this.tickets = tickets;
        this.contacts = contacts;
    }

    @ApplicationModuleListener
    void openDraftFor(ContactArrived contact) {
        tickets.openForContact(contact.contactId(), contact.customerId(), subjectOf(contact), contact.arrivedAt());
    }

    @ApplicationModuleListener
    void giveDraftToAnsweringAgent(ContactAnswered contact) {
        // may run before openDraftFor: both are asynchronous, so open (idempotently) here too
        var ticket = tickets.openForContact(contact.contactId(), contact.customerId(), null, contact.arrivedAt());
        if (ticket.assignee() == null && ticket.status().isOpen()) {
            tickets.assign(ticket.id(), contact.agent(), TicketActor.SYSTEM);
        }
    }

    /** The first line the entry point recorded (message body, letter subject), as the ticket's subject. */
    private String subjectOf(ContactArrived contact) {
        return contacts.find(contact.contactId()).map(ContactSnapshot::subject).orElse(null);
    }
}
