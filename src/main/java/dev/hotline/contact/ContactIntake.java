package dev.hotline.contact;

import dev.hotline.shared.ContactId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one way contacts enter and move through their life. Every call is persisted with an append-only history row
 * before it returns, and publishes the matching event. Repeated calls (webhook retries, AMI resync) are idempotent:
 * {@link #arrived} returns the existing contact for a known (provider, externalId); a transition a contact has
 * already made returns it unchanged without a second event. A transition that is not allowed from the current
 * status throws {@link dev.hotline.shared.ConflictException}; an unknown id {@link dev.hotline.shared.NotFoundException}.
 * A {@code null} time means now.
 */
public interface ContactIntake {

    /** Registers a contact; caller number resolved to the customer archive. Publishes {@link ContactArrived}. */
    ContactSnapshot arrived(NewContact contact);

    /** Routing accepted it into {@code queue}, whose ring period is used for rings-to-answer. */
    ContactSnapshot queued(ContactId id, String queue, Duration ringPeriod);

    /** An agent's console rings with it (recorded in history; the first offer time is kept). */
    ContactSnapshot offered(ContactId id, String agent, Instant at);

    /**
     * The offer to {@code agent} was withdrawn or not answered: waiting again. Routing reports this after Redis moved
     * on, so by the time it is recorded the contact may already ring for, or talk with, another agent: then nothing
     * changes (a stale report must not undo a newer offer or answer). {@code agent} null: whoever it was offered to
     * (recovery). Throws only when the contact has ended.
     */
    ContactSnapshot requeued(ContactId id, String agent, String reason, Instant at);

    /** The agent is connected with the customer. Publishes {@link ContactAnswered} with rings-to-answer. */
    ContactSnapshot answered(ContactId id, String agent, Instant at);

    /** The customer gave up before an answer: final. Publishes {@link ContactAbandoned} then {@link ContactEnded}. */
    ContactSnapshot abandoned(ContactId id, Instant at);

    /**
     * Sent to the on-call target because no agent could take it: final for the ACD. Publishes
     * {@link ContactOverflowed} then {@link ContactEnded}.
     */
    ContactSnapshot overflowed(ContactId id, String target, Instant at);

    /** Moved to another queue. Publishes {@link ContactTransferred}. */
    ContactSnapshot transferred(ContactId id, String toQueue, Instant at);

    /** The conversation is over (answered contacts), or final clean-up. Publishes {@link ContactEnded}. */
    ContactSnapshot ended(ContactId id, Instant at);

    /**
     * The customer hung up (telephony, or the API entry): abandoned while waiting or ringing, ended when connected.
     * Repeats are ignored.
     */
    ContactSnapshot callerHungUp(ContactId id, Instant at);

    Optional<ContactSnapshot> find(ContactId id);

    /** Contacts matching the filters (null = any), newest first. */
    org.springframework.data.domain.Page<ContactSnapshot> search(ContactStatus status, String queue,
            dev.hotline.shared.Channel channel, Long customerId, String agent, org.springframework.data.domain.Pageable page);

    /** Every state change of the contact, oldest first. */
    List<ContactHistoryView> history(ContactId id);

    Optional<ContactSnapshot> findByExternalId(String provider, String externalId);
}
