package dev.hotline.ticket;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/** A ticket exists (a draft for a new contact, or opened by an agent). {@code contactId} may be null. */
public record TicketOpened(long ticketId, String number, ContactId contactId, Long customerId, Instant openedAt) {
}
