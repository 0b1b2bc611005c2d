package dev.hotline.ticket;

import java.time.Instant;

/** A ticket is closed: the cue for a return visit and a satisfaction survey (SPEC §7). Type null for closed drafts. */
public record TicketClosed(long ticketId, String number, TicketType type, Long customerId, Instant closedAt,
                           boolean everReopened) {
}
