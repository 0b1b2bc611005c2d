package dev.hotline.followup;

import java.time.Instant;

/** What the public survey page may show: nothing about the customer beyond the ticket number it asks about. */
public record PublicSurvey(String ticketNumber, Instant expiresAt) {
}
