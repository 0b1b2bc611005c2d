package dev.hotline.ticket;

import java.time.Instant;

/** A ticket made a step of its flow. */
public record TicketStatusChanged(long ticketId, String number, TicketType type, TicketStatus from, TicketStatus to,
                                  String actor, Instant at) {
}
