package dev.hotline.followup;

/** OPEN until the agent records the outcome (DONE) or a supervisor cancels it. */
public enum VisitStatus {
    OPEN, DONE, CANCELLED
}
