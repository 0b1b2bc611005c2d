package dev.hotline.ticket;

import java.time.Instant;

/** A ticket as other modules and the API see it. {@code type} is null while the ticket is a draft. */
public record TicketView(long id, String number, TicketType type, TicketStatus status, Long customerId,
                         String assignee, String createdBy, Instant openedAt, Instant registeredAt, Instant closedAt,
                         int reopenCount, boolean escalated, String repeatRepairOf, TicketFields fields) {
}
