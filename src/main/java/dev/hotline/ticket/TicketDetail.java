package dev.hotline.ticket;

import dev.hotline.shared.ContactId;

import java.util.List;

/** A ticket with everything an agent needs on one screen. */
public record TicketDetail(TicketView ticket, List<ContactId> contactIds, List<TicketDeadlineView> deadlines,
                           List<TicketHistoryView> history) {
}
