package dev.hotline.ticket;

/** The SLA clocks a ticket can run (SPEC §5); which ones start depends on type, severity and progress. */
public enum DeadlineKind {
    /** someone acts on the ticket: 2 h (003 §3.1.6) */
    RESPONSE,
    /** result fed back to the customer: 3 days (003 §4.4.3) */
    FEEDBACK,
    /** the ticket is closed: major complaint 24 h, returns 3 working days / 24 h, repair 7 / 15 days */
    RESOLUTION,
    /** engineer arrives on site: 24 h, remote sites 36 h */
    ON_SITE_ARRIVAL,
    /** fixed on site within 2 h of arrival */
    ON_SITE_FIX,
    /** replacement delivered within 72 h when not fixed on site */
    REPLACEMENT,
    /** a major or sudden event is reported to management: 30 min (003 §6.4.2) */
    MANAGEMENT_REPORT
}
