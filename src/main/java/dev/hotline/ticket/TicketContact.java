package dev.hotline.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The ticket a contact belongs to: exactly one, so no contact is ever without a ticket. */
@Entity
@Table(name = "ticket_contact")
class TicketContact {

    @Id
    @Column(name = "contact_id")
    private Long contactId;
    @Column(name = "ticket_id")
    private Long ticketId;
    @Column(name = "linked_at")
    private Instant linkedAt;
    @Column(name = "linked_by")
    private String linkedBy;

    protected TicketContact() {
    }

    TicketContact(Long contactId, Long ticketId, Instant linkedAt, String linkedBy) {
        this.contactId = contactId;
        this.ticketId = ticketId;
        this.linkedAt = linkedAt;
        this.linkedBy = linkedBy;
    }

    void moveTo(Long otherTicket, Instant at, String by) {
        ticketId = otherTicket;
        linkedAt = at;
        linkedBy = by;
    }

    Long contactId() {
        return contactId;
    }

    Long ticketId() {
        return ticketId;
    }
}
