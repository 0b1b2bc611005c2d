package dev.hotline.ticket;

/**
 * Who acts on a ticket. Agents work tickets assigned to them or unassigned; supervisors and admins any.
 * {@code system} for the contact listener and the deadline watch. A {@code manager} (after-sales managers, department
 * heads, the general manager: SPEC "reports, KPIs … escalated complaints") reads every ticket and comments on open
 * ones, but does not work them: fields, steps, assignment and contacts belong to the hotline.
 */
public record TicketActor(String name, boolean supervisor, boolean manager) {

    public static final TicketActor SYSTEM = new TicketActor("system", true, false);

    public TicketActor(String name, boolean supervisor) {
        this(name, supervisor, false);
    }

    public static TicketActor agent(String name) {
        return new TicketActor(name, false, false);
    }

    public static TicketActor supervisor(String name) {
        return new TicketActor(name, true, false);
    }

    /** Sees all tickets like a supervisor; may comment on open tickets and change nothing else. */
    public static TicketActor manager(String name) {
        return new TicketActor(name, true, true);
    }
}
