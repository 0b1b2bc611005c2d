package dev.hotline.ticket;

/**
 * Every status any flow uses; {@link TicketFlow} says which a type may pass through. DRAFT is the ticket a contact
 * opens before an agent has typed it; CLOSED is final.
 */
public enum TicketStatus {
    DRAFT,
    REGISTERED,
    // complaint (seed 000 §三.2)
    VERIFIED, ANALYSED, SOLUTION_AGREED, IMPLEMENTED, CUSTOMER_INFORMED, REOPENED,
    // repair
    DIAGNOSED, ON_SITE, REPLACEMENT_PENDING, FIXED,
    // return / exchange
    ASSESSED,
    // suggestion: passed on to the department concerned (seed 000 §一.1 D)
    FORWARDED,
    // emergency: reported to management (seed 003 §6.4.2)
    REPORTED,
    // installation and maintenance: a date agreed with the customer (004 §4.0 4.6: called before delivery)
    SCHEDULED,
    // installation: installed and commissioned on site, the full-load run begins (004 §4.0 4.7, 安装调试记录)
    INSTALLED,
    // installation: handed over after the full-load run, the customer shown how to operate it (004 §4.0 4.7, 6.3)
    HANDED_OVER,
    // maintenance: the periodic maintenance is done (004 §3.3 a)
    MAINTAINED,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
