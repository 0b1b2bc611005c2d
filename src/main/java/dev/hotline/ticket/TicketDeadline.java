package dev.hotline.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A running or stopped SLA clock; one per ticket and kind. */
@Entity
@Table(name = "ticket_deadline")
class TicketDeadline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id", updatable = false)
    private Long ticketId;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private DeadlineKind kind;
    @Column(name = "started_at", updatable = false)
    private Instant startedAt;
    @Column(name = "near_at", updatable = false)
    private Instant nearAt;
    @Column(name = "due_at", updatable = false)
    private Instant dueAt;
    @Column(name = "stopped_at")
    private Instant stoppedAt;

    protected TicketDeadline() {
    }

    TicketDeadline(Long ticketId, SlaPolicy.Plan plan) {
        this.ticketId = ticketId;
        this.kind = plan.kind();
        this.startedAt = plan.startedAt();
        this.nearAt = plan.nearAt();
        this.dueAt = plan.dueAt();
    }

    void stop(Instant at) {
        if (stoppedAt == null) {
            stoppedAt = at;
        }
    }

    Long id() {
        return id;
    }

    Long ticketId() {
        return ticketId;
    }

    DeadlineKind kind() {
        return kind;
    }

    Instant dueAt() {
        return dueAt;
    }

    Instant nearAt() {
        return nearAt;
    }

    Instant stoppedAt() {
        return stoppedAt;
    }

    TicketDeadlineView view() {
        return new TicketDeadlineView(kind, startedAt, dueAt, stoppedAt);
    }
}
