package dev.hotline.ticket;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface TicketContactRepository extends JpaRepository<TicketContact, Long> {

    List<TicketContact> findByTicketIdOrderByLinkedAtAsc(Long ticketId);

    long countByTicketId(Long ticketId);

    /** Native: Hibernate's MySQL dialect writes {@code FOR UPDATE OF alias}, which MariaDB rejects. */
    @Query(value = "select * from ticket_contact where contact_id = :contactId for update", nativeQuery = true)
    Optional<TicketContact> lockByContactId(Long contactId);
}
