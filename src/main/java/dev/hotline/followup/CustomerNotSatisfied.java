package dev.hotline.followup;

import java.time.Instant;

/**
 * A survey or a visit found the customer not satisfied (003 §4.4.4): the cue for the escalation engineer to copy the
 * general manager. Follow-up itself puts the complaint back into its flow ({@link ComplaintReopener}); the ticket
 * module then raises its own {@code ComplaintEscalated(REOPENED)}.
 */
public record CustomerNotSatisfied(long customerId, Long ticketId, String ticketNumber, Long surveyId,
                                   Long visitTaskId, Double score, String comment, String recordedBy, Instant at) {
}
