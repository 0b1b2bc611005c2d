package dev.hotline.notification;

import java.time.Instant;

/** A person has a new notification; the console pushes it to their sessions. */
public record NotificationRaised(long id, String recipient, String rule, String title, String body, Long ticketId,
                                 String ticketNumber, Instant occurredAt) {
}
