package dev.hotline.ticket;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface TicketContactRepository extends JpaRepository<TicketContact, Long> {

    List<TicketContact> findByTicketIdOrderByLinkedAtAsc(Long ticketId);

    long countByTicketId(Long ticketId);

    /**
     * Native: Hibernate's MySQL dialect writes {@code FOR UPDATE OF alias}, which MariaDB rejects. No flush first (see
     * {@link TicketRepository#lockById}).
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = "select * from ticket_contact where contact_id = :contactId for update", nativeQuery = true)
    Optional<TicketContact> lockByContactId(Long contactId);

    /**
     * A plain insert that fails on a second link of the same contact. (Spring Data's save would merge: a racing
     * second opening would silently move the link instead of failing.) Nothing pending needs to be written first: the
     * ticket row was inserted when it was saved (identity ids), so no flush (see {@link TicketRepository#lockById}).
     */
    @Modifying
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = """
            insert into ticket_contact (contact_id, ticket_id, linked_at, linked_by)
            values (:contactId, :ticketId, :linkedAt, :linkedBy)""", nativeQuery = true)
    int insertLink(Long contactId, Long ticketId, Instant linkedAt, String linkedBy);
}
