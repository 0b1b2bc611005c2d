package dev.hotline.contact;

import dev.hotline.shared.Channel;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface ContactRepository extends JpaRepository<Contact, Long> {


    /**
     * The contacts a journal batch touches, locked in id order. Native SQL because Hibernate's MySQL dialect writes
     * {@code FOR UPDATE OF alias}, which MariaDB does not accept.
     */
    @Query(value = "select * from contact where id in (:ids) order by id for update", nativeQuery = true)
    List<Contact> lockAll(java.util.Collection<Long> ids);

    /** Names the customer of a contact that has none; the journal's batch locks rows, so this waits its turn. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update Contact c set c.customerId = ?2, c.customerTier = ?3 where c.id = ?1 and c.customerId is null")
    int identify(Long id, Long customerId, dev.hotline.shared.CustomerTier tier);

    Optional<Contact> findByProviderAndExternalId(String provider, String externalId);

    @Query("select c.id from Contact c where c.provider = ?1 and c.externalId = ?2")
    Optional<Long> idOf(String provider, String externalId);

    @Query("""
            select c from Contact c
            where (:status is null or c.status = :status)
              and (:queue is null or c.queue = :queue)
              and (:channel is null or c.channel = :channel)
              and (:customerId is null or c.customerId = :customerId)
              and (:agent is null or c.agent = :agent)
            order by c.arrivedAt desc, c.id desc""")
    Page<Contact> search(ContactStatus status, String queue, Channel channel, Long customerId, String agent,
                         Pageable page);

    List<Contact> findTop10ByCustomerIdOrderByArrivedAtDesc(Long customerId);
}
