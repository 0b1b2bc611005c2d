package dev.hotline.ticket;

/**
 * Who acts on a ticket. Agents work tickets assigned to them or unassigned; supervisors and admins any.
 * {@code system} for the contact listener and the deadline watch.
 */
public record TicketActor(String name, boolean supervisor) {

    public static final TicketActor SYSTEM = new TicketActor("system", true);

    public static TicketActor agent(String name) {
        return new TicketActor(name, false);
    }

    public static TicketActor supervisor(String name) {
        return new TicketActor(name, true);
    }
}
