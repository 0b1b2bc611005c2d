package dev.hotline.ticket;

import java.time.Instant;

/** A deadline passed with its step not done: an alert for the assignee and the supervisors. */
public record TicketDeadlineMissed(long ticketId, String number, TicketType type, Severity severity,
                                   DeadlineKind kind, Instant dueAt, String assignee) {
}
