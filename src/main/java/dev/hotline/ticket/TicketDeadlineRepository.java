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

    /** Running clocks whose near point has passed: candidates for a near or missed alert. */
    @Query("select d from TicketDeadline d where d.stoppedAt is null and d.nearAt <= :now order by d.dueAt")
    List<TicketDeadline> runningPastNear(Instant now, Pageable page);

    @Query("select d from TicketDeadline d where d.stoppedAt is null and d.dueAt < :now order by d.dueAt")
    List<TicketDeadline> overdue(Instant now, Pageable page);
}
