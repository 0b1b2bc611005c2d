package dev.hotline.ticket;

import java.time.Instant;
import java.util.List;

/**
 * Ticket KPIs of 003 §4.2 and 004 over tickets opened in [from, to). Percentages are 0–100 with two decimals, null
 * when there is nothing to measure.
 *
 * @param complaintsRespondedInTime complaints whose response clock stopped in time; still-running clocks not yet due
 *                                  are left out of the ratio
 * @param complaintsResolvedFirstTime closed and never reopened (resolution rate over closed complaints)
 * @param repairsFixedFirstTime closed repairs with no repeat repair of the same serial within the window
 * @param complaintRatePercent complaints / products shipped, when the number shipped is known
 */
public record TicketKpis(Instant from, Instant to,
                         int complaints, int complaintsMeasuredForResponse, int complaintsRespondedInTime,
                         Double responseOnTimePercent,
                         int complaintsClosed, Double complaintsClosedPercent,
                         int complaintsResolvedFirstTime, Double resolutionPercent,
                         int repairsClosed, int repairsFixedFirstTime, Double firstTimeFixPercent,
                         Long productsShipped, Double complaintRatePercent,
                         List<OverdueTicket> overdue) {

    /** A running deadline already missed. */
    public record OverdueTicket(long ticketId, String number, TicketType type, DeadlineKind kind, Instant dueAt,
                                String assignee) {
    }
}
