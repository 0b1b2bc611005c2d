package dev.hotline.ticket;

import dev.hotline.shared.ContactId;

/**
 * A ticket an agent opens by hand (e.g. found during a return visit). {@code contactId} optional: a contact named
 * here moves onto the new ticket. The ticket is registered at once when the fields allow it, else stays a draft.
 */
public record NewTicket(Long customerId, ContactId contactId, TicketFields fields) {
}
