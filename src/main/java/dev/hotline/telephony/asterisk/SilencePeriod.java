package dev.hotline.telephony.asterisk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One silence over the threshold during a conversation, at the PBX's times. Unique per contact and start, so the same
 * silence heard by several nodes is stored once.
 */
@Entity
@Table(name = "call_silence")
class SilencePeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Column(name = "length_ms", nullable = false)
    private long lengthMillis;

    protected SilencePeriod() {
    }

    SilencePeriod(long contactId, Instant startedAt, Instant endedAt) {
        this.contactId = contactId;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.lengthMillis = endedAt.toEpochMilli() - startedAt.toEpochMilli();
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant endedAt() {
        return endedAt;
    }

    long lengthMillis() {
        return lengthMillis;
    }
}
