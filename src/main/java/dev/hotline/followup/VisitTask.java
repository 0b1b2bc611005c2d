package dev.hotline.followup;

import java.time.Instant;
import java.time.LocalDate;

/** A return visit as the API shows it; {@code assignee} null = in the pool. */
public record VisitTask(long id, long customerId, Long productId, Long ticketId, String ticketNumber,
                        VisitReason reason, LocalDate dueOn, String assignee, VisitStatus status,
                        VisitChannel channel, VisitOutcome outcome, String note, Instant createdAt, String createdBy,
                        Instant doneAt, String doneBy) {
}
