package dev.hotline.console;

import dev.hotline.customer.CustomerCard;
import dev.hotline.shared.Channel;
import dev.hotline.shared.CustomerTier;

import java.time.Instant;
import java.util.List;

/**
 * What the agent sees with the offer: the customer card (products with warranty status), open tickets and the last
 * interactions. {@code newCaller}: the number is not in the archive.
 */
record ScreenPop(boolean newCaller, String from, Long customerId, CustomerTier tier, CustomerCard customer,
                 List<OpenTicket> openTickets, List<Interaction> recentInteractions) {

    record Interaction(long contactId, Channel channel, String queue, String agent, String status, String outcome,
                       Instant arrivedAt, String subject, String disposition) {
    }

    /** {@code id} is the ticket's human-readable number. */
    record OpenTicket(String id, String type, String status, String title, Instant deadline) {
    }
}
