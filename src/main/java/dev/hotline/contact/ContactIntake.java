package dev.hotline.contact;

import dev.hotline.shared.ContactId;

import java.util.List;
import java.util.Optional;

/**
 * The contact record: arrivals and queries. An arrival is persisted with its history row before it returns (its
 * {@link ContactArrived} follows with routing's journal entry of its first queueing); a repeated arrival (webhook retry, AMI resync) returns the existing contact for a known
 * (provider, externalId). Everything after the arrival is routing's (the live contact is in routing's Redis state); the
 * record follows from routing's journal through {@link ContactRecords}, at most about a second behind.
 */
public interface ContactIntake {

    /**
     * Registers a contact; caller number resolved to the customer archive. Entry points
     * call routing's {@code ContactRouting.arrive}, which records the contact here and queues it.
     */
    ContactSnapshot arrived(NewContact contact);

    Optional<ContactSnapshot> find(ContactId id);

    /**
     * The caller of a contact that arrived from an unknown number was registered in the archive while it lasted: the
     * record names that customer. Only a contact without a customer is changed (false otherwise, or no such contact).
     */
    boolean identifyCaller(ContactId id, long customerId, dev.hotline.shared.CustomerTier tier);

    /** Contacts matching the filters (null = any), newest first. */
    org.springframework.data.domain.Page<ContactSnapshot> search(ContactStatus status, String queue,
            dev.hotline.shared.Channel channel, Long customerId, String agent, org.springframework.data.domain.Pageable page);

    /** Every state change of the contact, oldest first. */
    List<ContactHistoryView> history(ContactId id);

    Optional<ContactSnapshot> findByExternalId(String provider, String externalId);

    /**
     * The contact a provider's call or message became, without reading the record when this node registered it (the
     * mapping never changes, so it is cached): for status callbacks that only need to name the contact.
     */
    Optional<ContactId> idOf(String provider, String externalId);
}
