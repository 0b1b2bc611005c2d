package dev.hotline.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One state change of a contact. Append-only: there is no update or delete path. */
@Entity
@Table(name = "contact_history")
class ContactHistoryEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contact_id", nullable = false, updatable = false)
    private Long contactId;
    @Column(nullable = false, updatable = false)
    private Instant at;
    @Column(nullable = false, updatable = false)
    private String action;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private ContactStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private ContactStatus toStatus;
    @Column(updatable = false)
    private String agent;
    @Column(updatable = false)
    private String detail;

    protected ContactHistoryEntry() {
    }

    ContactHistoryEntry(Long contactId, Instant at, String action, ContactStatus fromStatus, ContactStatus toStatus,
                        String agent, String detail) {
        this.contactId = contactId;
        this.at = at;
        this.action = action;
        this.fromStatus = fromStatus;
        this.toStatus = toStatus;
        this.agent = agent;
        this.detail = detail == null || detail.length() <= 255 ? detail : detail.substring(0, 255);
    }

    ContactHistoryView view() {
        return new ContactHistoryView(at, action, fromStatus, toStatus, agent, detail);
    }
}
