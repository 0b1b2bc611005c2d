package dev.hotline.ticket;

import dev.hotline.contact.ContactIntake;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotPermittedException;
import org.springframework.stereotype.Component;

/**
 * Who may act on which ticket and contact, in one place (the service asks before it writes anything). An agent works
 * tickets assigned to them or nobody, and moves only contacts offered to, taken by or handled by them. Supervisors,
 * admins and the system act on every ticket (tickets carry no queue, so a supervisor's reach is all of them).
 * Managers read every ticket and comment on open ones; they change nothing else (SPEC: reports, KPIs, escalated
 * complaints). Every actor names only contacts that exist.
 */
@Component
class TicketRights {

    private final ContactIntake contacts;
    private final ContactWorkers workers;
    private final TicketContactRepository links;

    TicketRights(ContactIntake contacts, ContactWorkers workers, TicketContactRepository links) {
        this.contacts = contacts;
        this.workers = workers;
        this.links = links;
    }

    /** The agent may change the ticket (fields, steps, contacts): it is theirs or nobody's. */
    void checkWork(Ticket ticket, TicketActor actor) {
        refuseManager(actor, "change ticket " + ticket.number());
        if (!actor.supervisor() && ticket.assignee() != null && !ticket.assignee().equals(actor.name())) {
            throw new NotPermittedException("Ticket " + ticket.number() + " is assigned to " + ticket.assignee());
        }
    }

    /** Agents take unassigned tickets (or keep their own) for themselves only; supervisors assign anyone. */
    void checkAssign(Ticket ticket, String assignee, TicketActor actor) {
        refuseManager(actor, "assign ticket " + ticket.number());
        if (!actor.supervisor() && (!actor.name().equals(assignee)
                || (ticket.assignee() != null && !ticket.assignee().equals(actor.name())))) {
            throw new NotPermittedException("Agents take unassigned tickets for themselves only");
        }
    }

    /** Comments: on the agent's own (or nobody's) tickets, and on a closed one only by supervisors and the system. */
    void checkComment(Ticket ticket, TicketActor actor) {
        if (!actor.manager()) {
            checkWork(ticket, actor);
        }
        if ((!actor.supervisor() || actor.manager()) && !ticket.status().isOpen()) {
            throw new NotPermittedException("Ticket " + ticket.number() + " is closed; ask a supervisor to reopen it");
        }
    }

    /**
     * The contact exists (a recorded contact, or one already on a ticket) and, for an agent, is theirs: an unknown id
     * would otherwise reserve a future contact, another agent's would take their live work.
     */
    void checkContact(ContactId contact, TicketActor actor) {
        refuseManager(actor, "move contact " + contact);
        if (contact.value() <= 0 || (contacts.find(contact).isEmpty() && !links.existsById(contact.value()))) {
            throw new UnknownContactException(contact);
        }
        if (!actor.supervisor() && !workers.worksOn(contact, actor.name())) {
            throw new NotPermittedException("Contact " + contact + " is not offered to or handled by " + actor.name());
        }
    }

    /** Opening a ticket is the hotline's work, not a manager's. */
    void checkOpen(TicketActor actor) {
        refuseManager(actor, "open tickets");
    }

    private static void refuseManager(TicketActor actor, String what) {
        if (actor.manager()) {
            throw new NotPermittedException("Managers read tickets and comment on open ones; they do not " + what);
        }
    }

    /** A ticket names a contact that does not exist: a bad request, not a missing ticket (HTTP 422). */
    static class UnknownContactException extends dev.hotline.shared.DomainException {
        UnknownContactException(ContactId contact) {
            super("unknown-contact", "There is no contact " + contact);
        }
    }
}
