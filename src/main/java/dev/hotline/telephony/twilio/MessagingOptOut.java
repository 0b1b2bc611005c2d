package dev.hotline.telephony.twilio;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A customer address that texted STOP (opted out) or START again, with the keyword and when. */
@Entity
@Table(name = "messaging_opt_out")
class MessagingOptOut {

    @Id
    private String address;
    @Column(name = "opted_out")
    private boolean optedOut;
    private String keyword;
    @Column(name = "changed_at")
    private Instant changedAt;

    protected MessagingOptOut() {
    }

    MessagingOptOut(String address, boolean optedOut, String keyword, Instant at) {
        this.address = address;
        this.optedOut = optedOut;
        this.keyword = keyword;
        this.changedAt = at;
    }

    void change(boolean optedOut, String keyword, Instant at) {
        this.optedOut = optedOut;
        this.keyword = keyword;
        this.changedAt = at;
    }

    boolean optedOut() {
        return optedOut;
    }
}
