package dev.hotline.ticket;

import org.springframework.data.repository.Repository;

import java.util.List;

/** Append-only: save and read, nothing else. */
interface TicketHistoryRepository extends Repository<TicketHistoryEntry, Long> {

    TicketHistoryEntry save(TicketHistoryEntry entry);

    List<TicketHistoryEntry> findByTicketIdOrderByIdAsc(Long ticketId);
}
