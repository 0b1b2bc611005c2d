package dev.hotline.followup;

/** Why a visit is planned: the customer's tier schedule, a closed ticket, or a supervisor's hand. */
public enum VisitReason {
    TIER_SCHEDULE, AFTER_TICKET, MANUAL
}
