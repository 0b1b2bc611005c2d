package dev.hotline.ticket;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

interface TicketDeadlineRepository extends JpaRepository<TicketDeadline, Long> {

    List<TicketDeadline> findByTicketIdOrderByDueAtAsc(Long ticketId);

    List<TicketDeadline> findByTicketIdIn(Collection<Long> ticketIds);

    /**
     * Running clocks whose near point has passed and whose alert due now (missed once past due, else near) is not
     * raised yet. Raised ones are left out so that hundreds of overdue open tickets cannot fill every batch and keep
     * newer deadlines from ever being seen.
     */
    @Query(value = """
            select d.* from ticket_deadline d
            where d.stopped_at is null and d.near_at <= :now
              and not exists (select 1 from ticket_alert a where a.ticket_id = d.ticket_id and a.deadline_kind = d.kind
                  and a.alert_kind = case when d.due_at < :now then 'MISSED' else 'NEAR' end)
            order by d.due_at""", nativeQuery = true)
    List<TicketDeadline> runningPastNear(Instant now, Pageable page);

    @Query("select d from TicketDeadline d where d.stoppedAt is null and d.dueAt < :now order by d.dueAt")
    List<TicketDeadline> overdue(Instant now, Pageable page);
}
