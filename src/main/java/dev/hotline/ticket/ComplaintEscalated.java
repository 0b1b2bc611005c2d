package dev.hotline.ticket;

import java.time.Instant;

/**
 * A complaint is copied to the general manager (003 §4.4.4–6): the customer was not satisfied (REOPENED), or a
 * deadline was missed and the complaint became major (DEADLINE_MISSED).
 */
public record ComplaintEscalated(long ticketId, String number, Reason reason, Severity severity, Long customerId,
                                 String assignee, String detail, Instant at) {

    public enum Reason {
        REOPENED, DEADLINE_MISSED
    }
}
