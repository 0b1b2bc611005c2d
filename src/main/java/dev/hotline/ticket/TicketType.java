package dev.hotline.ticket;

/**
 * What a ticket is about (咨询、投诉、维修、退换货、意见建议/表扬、应急、安装调试、定期保养). Each type has its own flow.
 * INSTALLATION: delivery, installation and commissioning (004 §4.0 配送安装); MAINTENANCE: periodic maintenance at the
 * customer's (004 §3.3 a 定期保养).
 */
public enum TicketType {
    INQUIRY, COMPLAINT, REPAIR, RETURN_EXCHANGE, SUGGESTION, PRAISE, EMERGENCY, INSTALLATION, MAINTENANCE
}
