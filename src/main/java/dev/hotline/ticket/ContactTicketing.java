package dev.hotline.ticket;

import dev.hotline.contact.ContactAnswered;
import dev.hotline.contact.ContactArrived;
import dev.hotline.contact.ContactDisposed;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every contact gets a ticket: a draft opened when it arrives, taken by the agent who answers it, settled by the agent's
 * disposition at finish. Synchronous, inside
 * the transaction that writes routing's journal to the contact record (the events come from there), which is retried
 * until it is written: no event publication rows, no transaction of its own per contact, nothing on the caller's
 * request, and nothing lost when a node dies in between.
 */
@Component
class ContactTicketing {

    private final TicketService tickets;
    private final ContactIntake contacts;

    ContactTicketing(TicketService tickets, ContactIntake contacts) {
        this.tickets = tickets;
        this.contacts = contacts;
    }

    @EventListener
    void openDraftFor(ContactArrived contact) {
        tickets.openForContact(contact.contactId(), contact.customerId(), contact.subject(), contact.arrivedAt());
    }

    @EventListener
    void giveDraftToAnsweringAgent(ContactAnswered contact) {
        tickets.takeDraftOf(contact.contactId(), contact.customerId(), contact.arrivedAt(), contact.agent());
    }

    /**
     * The agent's disposition at finish settles the contact's ticket (noted, or an unfilled draft closed: see
     * {@link TicketService#settleAtFinish}), also when the caller hung up first; a contact without a ticket gets one.
     */
    @EventListener
    void settleAtFinish(ContactDisposed disposed) {
        if (disposed.disposition() == null || disposed.disposition().isBlank()) {
            return;
        }
        String disposition = disposed.disposition().strip();
        if (!tickets.settleAtFinish(disposed.contactId(), disposed.agent(), disposition)) {
            var contact = contacts.find(disposed.contactId());
            tickets.openForContact(disposed.contactId(), contact.map(ContactSnapshot::customerId).orElse(null),
                    contact.map(ContactSnapshot::subject).orElse(null), disposed.at());
            tickets.settleAtFinish(disposed.contactId(), disposed.agent(), disposition);
        }
    }
}
