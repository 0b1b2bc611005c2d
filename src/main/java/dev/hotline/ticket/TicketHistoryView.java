package dev.hotline.ticket;

import java.time.Instant;

/** One entry of a ticket's history: a transition, a field change, a comment, a link or an escalation. */
public record TicketHistoryView(Instant at, String actor, String action, TicketStatus fromStatus,
                                TicketStatus toStatus, String note) {
}
