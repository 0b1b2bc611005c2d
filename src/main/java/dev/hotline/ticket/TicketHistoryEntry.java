package dev.hotline.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One change of a ticket. Append-only: immutable to Hibernate, and the repository offers no delete. */
@Entity
@Immutable
@Table(name = "ticket_history")
class TicketHistoryEntry {

    static final int NOTE_LENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;
    @Column(nullable = false, updatable = false)
    private Instant at;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(nullable = false, updatable = false)
    private String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private TicketStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private TicketStatus toStatus;
    @Column(updatable = false)
    private String note;

    protected TicketHistoryEntry() {
    }

    TicketHistoryEntry(Long ticketId, Instant at, String actor, String action, TicketStatus fromStatus,
                       TicketStatus toStatus, String note) {
        this.ticketId = ticketId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.note = note == null || note.length() <= NOTE_LENGTH ? note : note.substring(0, NOTE_LENGTH);
    }

    TicketHistoryView view() {
        return new TicketHistoryView(at, actor, action, fromStatus, toStatus, note);
    }
}
