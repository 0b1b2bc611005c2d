package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
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
import java.util.ArrayList;
import java.util.List;

/**
 * The durable record of one contact: WAITING ⇄ OFFERED → CONNECTED → ENDED, or WAITING/OFFERED → ENDED (abandoned,
 * overflowed). Routing owns the live contact; the record follows it from routing's journal ({@link #apply}).
 */
@Entity
@Table(name = "contact")
class Contact {

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
    @Column(name = "journal_seq")
    private Long journalSeq;
    private String disposition;
    @Enumerated(EnumType.STRING)
    private ContactDirection direction = ContactDirection.INBOUND;

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
        this.direction = c.direction();
    }

    /** What one journal entry did to the contact: its history row and the events to publish. */
    record Applied(String action, ContactStatus from, ContactStatus to, String agent, String detail, List<Object> events) {
    }

    /**
     * Applies one journal entry. The live state is routing's: the status follows the newest entry (by sequence), so a
     * batch that arrives late cannot move the record back; ENDED is final whatever comes after it; first times (offered,
     * answered, ended) are kept once set.
     */
    Applied apply(ContactTransition t) {
        ContactStatus before = status;
        boolean first = journalSeq == null;
        boolean newest = first || t.seq() > journalSeq;
        if (newest) {
            journalSeq = t.seq();
        }
        boolean open = status != ContactStatus.ENDED;
        boolean waiting = open && status != ContactStatus.CONNECTED;
        var events = new ArrayList<Object>(2);
        if (first) {
            // routing's first word on the contact (its first queueing; ACCEPTED for an outbound call it never queues)
            events.add(new ContactArrived(new ContactId(id), channel, t.queue() != null ? t.queue() : queue,
                    fromAddress, customerId, customerTier, arrivedAt, provider, externalId, subject));
        }
        String action = t.kind().name();
        String detail = t.detail();
        switch (t.kind()) {
            case QUEUED -> {
                if (queuedAt == null) {
                    queuedAt = t.at();
                }
                if (newest && waiting) {
                    queue = t.queue();
                    ringPeriodMs = t.ringPeriodMillis() > 0 ? t.ringPeriodMillis() : ringPeriodMs;
                    status = ContactStatus.WAITING;
                    agent = null;
                }
                detail = t.queue() + ", ring period " + ringPeriodMs + " ms";
            }
            case OFFERED -> {
                offerCount++;
                if (offeredAt == null) {
                    offeredAt = t.at();
                }
                if (newest && waiting) {
                    status = ContactStatus.OFFERED;
                    agent = t.agent();
                }
            }
            case WITHDRAWN -> {
                if (t.requeued()) {
                    action = "REQUEUED";
                    if (newest && status == ContactStatus.OFFERED) {
                        status = ContactStatus.WAITING;
                        agent = null;
                    }
                }
            }
            case ACCEPTED -> {
                if (newest && waiting) {
                    agent = t.agent();
                }
            }
            case ANSWERED -> {
                if (answeredAt == null) {
                    answeredAt = t.at();
                    ringsToAnswer = new RingClock(Duration.ofMillis(ringPeriodMs)).ringsToAnswer(arrivedAt, answeredAt);
                    events.add(new ContactAnswered(new ContactId(id), channel, queue, t.agent(), customerId, arrivedAt,
                            answeredAt, ringsToAnswer, direction));
                }
                if (open) {
                    status = ContactStatus.CONNECTED;
                    agent = t.agent();
                }
            }
            case ENDED -> {
                if (!open) {
                    return null;  // ended once; a second report (caller hang-up after the agent's finish) adds nothing
                }
                outcome = t.outcome() != null ? t.outcome()
                        : answeredAt != null ? ContactOutcome.ANSWERED : ContactOutcome.ABANDONED;
                if (outcome != ContactOutcome.ANSWERED) {
                    agent = null;
                }
                status = ContactStatus.ENDED;
                endedAt = t.at();
                action = outcome.name();
                events.addAll(ended(t));
            }
            case DISPOSITION -> {
                disposition = t.detail() == null || t.detail().length() <= 500 ? t.detail() : t.detail().substring(0, 500);
                events.add(new ContactDisposed(new ContactId(id), t.agent(), disposition, t.at()));
            }
            case TRANSFERRED -> {
                if (!open) {
                    return null;
                }
                detail = queue + " -> " + t.queue();
                queue = t.queue();
                status = ContactStatus.WAITING;
                agent = null;
            }
            case HELD, RESUMED -> {
                if (!open) {
                    return null;   // a hold is part of a live call; the history row says when and how long
                }
            }
            case CONSULTED -> {
                if (!open) {
                    return null;   // a consult is part of a live call
                }
                if (newest && detail != null && detail.startsWith("completed")) {
                    agent = t.agent();   // the target took the call over; arrival and answer stay the contact's own
                }
            }
            case CALLBACK_REQUEST, CALLBACK_RETRY -> {
                if (!open) {
                    return null;
                }
            }
            case CALLBACK_MISSED -> {
                // the agent's call-back did not connect: the contact waits for the next one (or ends right after)
                if (newest && waiting) {
                    status = ContactStatus.WAITING;
                    agent = null;
                }
            }
        }
        return new Applied(action, before, status, t.agent() != null ? t.agent() : agent, detail, events);
    }

    private List<Object> ended(ContactTransition t) {
        var id = new ContactId(this.id);
        var end = new ContactEnded(id, channel, queue, agent, outcome, customerId, arrivedAt, answeredAt, endedAt,
                direction);
        return switch (outcome) {
            case ABANDONED -> List.of(new ContactAbandoned(id, channel, queue, arrivedAt, endedAt), end);
            case OVERFLOWED -> List.of(new ContactOverflowed(id, channel, queue, t.detail(), provider, externalId,
                    arrivedAt, endedAt), end);
            default -> List.of(end);
        };
    }

    ContactSnapshot snapshot() {
        return new ContactSnapshot(new ContactId(id), channel, provider, externalId, fromAddress, toAddress, queue,
                customerId, customerTier, status, outcome, agent, arrivedAt, queuedAt, offeredAt, answeredAt, endedAt,
                ringsToAnswer, ringPeriodMs, subject, disposition, direction);
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
