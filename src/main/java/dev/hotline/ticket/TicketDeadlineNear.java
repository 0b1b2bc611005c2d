package dev.hotline.ticket;

import java.time.Instant;

/** Most of a deadline has elapsed (default 80%): a warning for the assignee and the supervisors. */
public record TicketDeadlineNear(long ticketId, String number, TicketType type, DeadlineKind kind, Instant dueAt,
                                 String assignee) {
}
