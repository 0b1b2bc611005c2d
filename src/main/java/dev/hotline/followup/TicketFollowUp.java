package dev.hotline.followup;

import dev.hotline.ticket.TicketClosed;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A closed ticket is the cue for follow-up (SPEC §7): a return visit when its type gets one (complaints and repairs by
 * default) and a satisfaction survey. Durable: the event publication registry retries it after a crash, and both
 * steps are idempotent per ticket.
 */
@Component
class TicketFollowUp {

    private final VisitPlanner planner;
    private final Surveys surveys;

    TicketFollowUp(VisitPlanner planner, Surveys surveys) {
        this.planner = planner;
        this.surveys = surveys;
    }

    /** Both steps need a customer: no publication row for the tickets of unknown callers. */
    @ApplicationModuleListener(condition = "#root.args[0].customerId() != null")
    void on(TicketClosed closed) {
        planner.planAfterTicket(closed);
        surveys.inviteAfterTicket(closed);
    }
}
