package dev.hotline.ticket;

import java.time.Instant;

/**
 * A ticket became a major case: registered or raised to MAJOR severity, or an emergency registered. Management must
 * know within the management-report time (30 min, 003 §6.4.2) and a major complaint is handled within 24 h by a
 * special team led by the general manager (003 §4.4.6, 004 §6.0 4.6).
 */
public record MajorIncidentOpened(long ticketId, String number, TicketType type, Severity severity, Long customerId,
                                  String assignee, String subject, Instant at) {
}
