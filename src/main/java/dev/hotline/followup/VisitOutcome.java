package dev.hotline.followup;

/** What the visit found: the customer is satisfied, not satisfied (a complaint is reopened), or was not reached. */
public enum VisitOutcome {
    SATISFIED, NOT_SATISFIED, NOT_REACHED
}
