package dev.hotline.ticket;

/** What a ticket is about (咨询、投诉、维修、退换货、意见建议/表扬、应急). Each type has its own flow. */
public enum TicketType {
    INQUIRY, COMPLAINT, REPAIR, RETURN_EXCHANGE, SUGGESTION, PRAISE, EMERGENCY
}
