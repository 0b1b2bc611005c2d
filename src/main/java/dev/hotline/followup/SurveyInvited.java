package dev.hotline.followup;

import java.time.Instant;

/**
 * A survey waits for the customer's answer: the messaging adapter texts {@code phone} the {@code link} (or the digit
 * instructions). {@code phone} is E.164 or null when the archive has no number.
 */
public record SurveyInvited(long surveyId, long customerId, String phone, String link, String ticketNumber,
                            Instant expiresAt) {
}
