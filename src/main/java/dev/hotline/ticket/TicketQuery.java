package dev.hotline.ticket;

/**
 * Filters for listing tickets; null means any.
 *
 * @param assignee   tickets of this agent ("mine")
 * @param unassigned only tickets nobody has taken (the queue)
 * @param open       only tickets not closed
 * @param overdue    only tickets with a running deadline already missed
 */
public record TicketQuery(String assignee, Boolean unassigned, TicketType type, TicketStatus status,
                          Long customerId, Boolean open, Boolean overdue) {

    public static TicketQuery all() {
        return new TicketQuery(null, null, null, null, null, null, null);
    }
}
