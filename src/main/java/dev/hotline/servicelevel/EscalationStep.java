package dev.hotline.servicelevel;

/** What happens to an unanswered contact at a given ring. */
enum EscalationStep {
    /** Supervisors are alerted if no agent is reserved yet. */
    ALERT,
    /** Every free agent with the queue's skills at any level is rung at once. */
    WIDEN,
    /** Sent to the queue's on-call target. */
    OVERFLOW
}
