package dev.hotline.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which SLA clocks start and stop as a ticket moves (SPEC §5). Pure: the service stores what it returns.
 */
final class SlaPolicy {

    /** A clock to start: due at {@code dueAt}, "near" once {@code nearAt} has passed. */
    record Plan(DeadlineKind kind, Instant startedAt, Instant nearAt, Instant dueAt) {
    }

    private final TicketProperties.Sla sla;
    private final BusinessCalendar calendar;

    SlaPolicy(TicketProperties.Sla sla, BusinessCalendar calendar) {
        this.sla = sla;
        this.calendar = calendar;
    }

    BusinessCalendar calendar() {
        return calendar;
    }

    /** Every ticket, even an untyped draft, must be responded to: the customer is waiting. */
    List<Plan> onOpen(Instant openedAt) {
        return List.of(plan(DeadlineKind.RESPONSE, openedAt, sla.response()));
    }

    /** Clocks started by entering {@code to}; {@code v} are the ticket's fields after the step. */
    List<Plan> onEnter(TicketStatus to, TicketFields v, Instant openedAt, Instant at) {
        var plans = new ArrayList<Plan>();
        TicketType type = v.type();
        switch (to) {
            case REGISTERED -> {
                if (type == TicketType.COMPLAINT) {
                    plans.add(plan(DeadlineKind.FEEDBACK, at, sla.feedback()));
                }
                if (type == TicketType.EMERGENCY) {
                    // the event happened when the customer reported it, not when the agent typed it
                    plans.add(plan(DeadlineKind.MANAGEMENT_REPORT, openedAt, sla.managementReport()));
                }
                addResolution(plans, type, v.severity(), at);
            }
            case DIAGNOSED -> {
                plans.add(plan(DeadlineKind.RESOLUTION, at,
                        Boolean.TRUE.equals(v.partsInStock()) ? sla.repairPartsInStock() : sla.repairPartsMissing()));
                if (Boolean.TRUE.equals(v.onSiteVisit())) {
                    plans.add(plan(DeadlineKind.ON_SITE_ARRIVAL, openedAt,
                            Boolean.TRUE.equals(v.remoteSite()) ? sla.onSiteArrivalRemote() : sla.onSiteArrival()));
                }
            }
            case ON_SITE -> {
                // a repair is fixed within 2 h of arrival (003 §3.1.6); a maintenance visit has no such clock
                if (type == TicketType.REPAIR) {
                    plans.add(plan(DeadlineKind.ON_SITE_FIX, arrival(v, at), sla.onSiteFix()));
                }
            }
            case REPLACEMENT_PENDING -> plans.add(plan(DeadlineKind.REPLACEMENT, arrival(v, at), sla.replacement()));
            default -> {
            }
        }
        return plans;
    }

    /** A complaint that becomes major (by an agent or an escalation) gets the 24 h resolution clock. */
    List<Plan> onSeverityChange(TicketType type, Severity severity, Instant at) {
        var plans = new ArrayList<Plan>();
        addResolution(plans, type, severity, at);
        return plans;
    }

    /** Clocks a step ends: done in time or not, they stop counting. */
    static Set<DeadlineKind> stoppedBy(TicketStatus from, TicketStatus to) {
        if (to == TicketStatus.CLOSED) {
            return EnumSet.allOf(DeadlineKind.class);
        }
        var stopped = EnumSet.noneOf(DeadlineKind.class);
        if (from != TicketStatus.DRAFT) {
            stopped.add(DeadlineKind.RESPONSE);
        }
        switch (to) {
            case CUSTOMER_INFORMED -> stopped.add(DeadlineKind.FEEDBACK);
            case ON_SITE -> stopped.add(DeadlineKind.ON_SITE_ARRIVAL);
            case REPLACEMENT_PENDING -> stopped.add(DeadlineKind.ON_SITE_FIX);
            case FIXED -> stopped.addAll(EnumSet.of(DeadlineKind.ON_SITE_ARRIVAL, DeadlineKind.ON_SITE_FIX,
                    DeadlineKind.REPLACEMENT));
            case REPORTED -> stopped.add(DeadlineKind.MANAGEMENT_REPORT);
            default -> {
            }
        }
        return stopped;
    }

    Plan plan(DeadlineKind kind, Instant start, SlaTime time) {
        Instant due = time.after(start, calendar);
        long nearMillis = (long) (Duration.between(start, due).toMillis() * sla.nearFraction());
        return new Plan(kind, start, start.plusMillis(nearMillis), due);
    }

    private void addResolution(List<Plan> plans, TicketType type, Severity severity, Instant at) {
        if (type == null) {
            return;
        }
        SlaTime time = sla.resolution(type, severity);
        if (time != null) {
            plans.add(plan(DeadlineKind.RESOLUTION, at, time));
        }
    }

    private static Instant arrival(TicketFields v, Instant at) {
        return v.arrivedOnSiteAt() != null ? v.arrivedOnSiteAt() : at;
    }
}
