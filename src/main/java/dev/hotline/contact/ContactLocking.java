package dev.hotline.contact;

import java.util.Optional;

/** The row lock under which a contact's transitions (webhook, AMI event, agent click) are applied one at a time. */
interface ContactLocking {

    /**
     * The contact, its row locked until the transaction ends; empty when there is none. Only as the first statement
     * of a transaction: the row is read after the lock with a plain read, which sees the latest row only because the
     * transaction's snapshot starts there (an earlier read would fix an older snapshot; use {@code lockById} then).
     */
    Optional<Contact> lockAtStart(Long id);
}
