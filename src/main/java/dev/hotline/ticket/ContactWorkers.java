package dev.hotline.ticket;

import dev.hotline.shared.ContactId;

/**
 * Who works a contact, as the ticket module needs it to let an agent put a contact on a ticket. Routing owns the live
 * contact and the ticket module may not depend on it, so an adapter that may (the console) implements this from
 * routing's live state and the contact record.
 */
public interface ContactWorkers {

    /** True when the contact is offered to the agent, taken by the agent, or was handled by the agent. */
    boolean worksOn(ContactId contact, String agent);
}
