package dev.hotline.ticket;

import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    /**
     * Native: Hibernate's MySQL dialect writes {@code FOR UPDATE OF alias}, which MariaDB rejects. Without the hint
     * Hibernate flushes the whole persistence context before a native query (it cannot tell which tables the SQL
     * reads): inside routing's journal batch, with hundreds of contacts managed, that dirty-checked every one of them for
     * every ticket touched. A row of the session's own is returned from the session anyway.
     */
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    @Query(value = "select * from ticket where id = :id for update", nativeQuery = true)
    Optional<Ticket> lockById(Long id);

    Optional<Ticket> findByNumber(String number);

    @Query("""
            select t from Ticket t
            where (:assignee is null or t.assignee = :assignee)
              and (:unassigned is null or :unassigned = false or t.assignee is null)
              and (:type is null or t.type = :type)
              and (:status is null or t.status = :status)
              and (:customerId is null or t.customerId = :customerId)
              and (:open is null or :open = false or t.status <> dev.hotline.ticket.TicketStatus.CLOSED)
              and (:overdue is null or :overdue = false or exists (
                    select d from TicketDeadline d
                    where d.ticketId = t.id and d.stoppedAt is null and d.dueAt < :now))
            order by t.openedAt desc, t.id desc""")
    Page<Ticket> search(String assignee, Boolean unassigned, TicketType type, TicketStatus status,
                        Long customerId, Boolean open, Boolean overdue, Instant now, Pageable page);

    /** Tickets opened in [from, to) of the given types, for KPIs. */
    @Query("select t from Ticket t where t.openedAt >= :from and t.openedAt < :to and t.type in :types")
    List<Ticket> openedBetween(Instant from, Instant to, Collection<TicketType> types);

    @Query("""
            select t from Ticket t
            where t.productSerial = :serial and t.type = dev.hotline.ticket.TicketType.REPAIR
              and t.id <> :exceptId and t.closedAt >= :since
            order by t.closedAt desc""")
    List<Ticket> repairsOfSerialClosedSince(String serial, Long exceptId, Instant since);

    @Query("select t.repeatRepairOf from Ticket t where t.repeatRepairOf in :numbers")
    List<String> repeatedRepairNumbers(Collection<String> numbers);
}

