package dev.hotline.ticket;

import java.time.Instant;

/** An SLA clock of a ticket; {@code stoppedAt} null while it runs. */
public record TicketDeadlineView(DeadlineKind kind, Instant startedAt, Instant dueAt, Instant stoppedAt) {

    public boolean missed(Instant now) {
        return stoppedAt == null ? now.isAfter(dueAt) : stoppedAt.isAfter(dueAt);
    }
}
