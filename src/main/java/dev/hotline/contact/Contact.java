package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.CustomerTier;
import dev.hotline.shared.RingClock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * One contact and the rules of its life: WAITING ⇄ OFFERED → CONNECTED → ENDED, or WAITING/OFFERED → ENDED
 * (abandoned, overflowed). Each transition returns what happened so the service can write history and events.
 */
@Entity
@Table(name = "contact")
class Contact {

    private static final Set<ContactStatus> UNANSWERED = EnumSet.of(ContactStatus.WAITING, ContactStatus.OFFERED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String provider;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "from_address")
    private String fromAddress;
    @Column(name = "from_e164")
    private String fromE164;
    @Column(name = "to_address")
    private String toAddress;
    private String queue;
    @Column(name = "customer_id")
    private Long customerId;
    @Enumerated(EnumType.STRING)
    @Column(name = "customer_tier")
    private CustomerTier customerTier;
    @Enumerated(EnumType.STRING)
    private ContactStatus status;
    @Enumerated(EnumType.STRING)
    private ContactOutcome outcome;
    private String agent;
    @Column(name = "arrived_at")
    private Instant arrivedAt;
    @Column(name = "queued_at")
    private Instant queuedAt;
    @Column(name = "offered_at")
    private Instant offeredAt;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "rings_to_answer")
    private Integer ringsToAnswer;
    @Column(name = "ring_period_ms")
    private long ringPeriodMs;
    @Column(name = "offer_count")
    private int offerCount;
    private String subject;

    protected Contact() {
    }

    Contact(NewContact c, String queue, String fromE164, Long customerId, CustomerTier tier, Instant arrivedAt,
            Duration ringPeriod) {
        this.channel = c.channel();
        this.provider = c.provider();
        this.externalId = c.externalId();
        this.fromAddress = c.from();
        this.fromE164 = fromE164;
        this.toAddress = c.to();
        this.queue = queue;
        this.customerId = customerId;
        this.customerTier = tier;
        this.status = ContactStatus.WAITING;
        this.arrivedAt = arrivedAt;
        this.ringPeriodMs = ringPeriod.toMillis();
        this.subject = c.subject();
    }

    /** Returns false when nothing changed (a repeat). */
    boolean queue(String queue, Duration ringPeriod, Instant at) {
        requireNotEnded("queue");
        boolean changed = !queue.equals(this.queue) || ringPeriod.toMillis() != ringPeriodMs || queuedAt == null;
        this.queue = queue;
        this.ringPeriodMs = ringPeriod.toMillis();
        if (queuedAt == null) {
            queuedAt = at;
        }
        return changed;
    }

    void offer(String agent, Instant at) {
        if (!UNANSWERED.contains(status)) {
            throw conflict("offer");
        }
        status = ContactStatus.OFFERED;
        this.agent = agent;
        offerCount++;
        if (offeredAt == null) {
            offeredAt = at;
        }
    }

    /** Back to waiting when it still rings for {@code from} (null: for anyone); false when it has moved on. */
    boolean requeue(String from) {
        if (status == ContactStatus.ENDED) {
            throw conflict("requeue");
        }
        if (status != ContactStatus.OFFERED || (from != null && !from.equals(agent))) {
            return false;
        }
        status = ContactStatus.WAITING;
        agent = null;
        return true;
    }

    boolean answer(String agent, Instant at) {
        if (status == ContactStatus.CONNECTED && agent.equals(this.agent)) {
            return false;
        }
        if (!UNANSWERED.contains(status)) {
            throw conflict("answer (by " + agent + ")");
        }
        status = ContactStatus.CONNECTED;
        this.agent = agent;
        answeredAt = at;
        ringsToAnswer = new RingClock(Duration.ofMillis(ringPeriodMs)).ringsToAnswer(arrivedAt, at);
        return true;
    }

    boolean finish(ContactOutcome outcome, Instant at) {
        if (status == ContactStatus.ENDED && this.outcome == outcome) {
            return false;
        }
        boolean allowed = outcome == ContactOutcome.ANSWERED
                ? status == ContactStatus.CONNECTED
                : UNANSWERED.contains(status);
        if (!allowed) {
            throw conflict("end as " + outcome);
        }
        if (outcome != ContactOutcome.ANSWERED) {
            agent = null;
        }
        status = ContactStatus.ENDED;
        this.outcome = outcome;
        endedAt = at;
        return true;
    }

    String transfer(String toQueue) {
        requireNotEnded("transfer");
        String from = queue;
        queue = toQueue;
        status = ContactStatus.WAITING;
        agent = null;
        return from;
    }

    private void requireNotEnded(String what) {
        if (status == ContactStatus.ENDED) {
            throw conflict(what);
        }
    }

    private ConflictException conflict(String what) {
        return new ConflictException("contact-state",
                "Contact " + id + " is " + status + (outcome == null ? "" : " (" + outcome + ")") + " and cannot " + what);
    }

    ContactSnapshot snapshot() {
        return new ContactSnapshot(new ContactId(id), channel, provider, externalId, fromAddress, toAddress, queue,
                customerId, customerTier, status, outcome, agent, arrivedAt, queuedAt, offeredAt, answeredAt, endedAt,
                ringsToAnswer, ringPeriodMs, subject);
    }

    Long id() {
        return id;
    }

    ContactStatus status() {
        return status;
    }

    String agent() {
        return agent;
    }

    String fromE164() {
        return fromE164;
    }
}
