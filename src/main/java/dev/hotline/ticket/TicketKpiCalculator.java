package dev.hotline.ticket;

import java.time.Instant;
import java.util.List;

/** KPI arithmetic over plain facts, so it is tested without a database. */
final class TicketKpiCalculator {

    /** What the KPIs need to know of one ticket. {@code responseDueAt} null when no response clock ran. */
    record Fact(TicketType type, TicketStatus status, int reopenCount, Instant responseDueAt,
                Instant responseStoppedAt, boolean repeatedWithinWindow) {
    }

    private TicketKpiCalculator() {
    }

    static TicketKpis compute(Instant from, Instant to, List<Fact> facts, Long productsShipped, Instant now,
                              List<TicketKpis.OverdueTicket> overdue) {
        int complaints = 0, measured = 0, inTime = 0, closed = 0, firstTime = 0, repairsClosed = 0, fixedFirst = 0;
        for (Fact f : facts) {
            if (f.type() == TicketType.COMPLAINT) {
                complaints++;
                if (f.responseDueAt() != null) {
                    if (f.responseStoppedAt() != null) {
                        measured++;
                        if (!f.responseStoppedAt().isAfter(f.responseDueAt())) {
                            inTime++;
                        }
                    } else if (now.isAfter(f.responseDueAt())) {
                        measured++;
                    }
                }
                if (f.status() == TicketStatus.CLOSED) {
                    closed++;
                    if (f.reopenCount() == 0) {
                        firstTime++;
                    }
                }
            } else if (f.type() == TicketType.REPAIR && f.status() == TicketStatus.CLOSED) {
                repairsClosed++;
                if (!f.repeatedWithinWindow()) {
                    fixedFirst++;
                }
            }
        }
        Double rate = productsShipped == null || productsShipped <= 0 ? null : percent(complaints, productsShipped);
        return new TicketKpis(from, to, complaints, measured, inTime, percent(inTime, measured), closed,
                percent(closed, complaints), firstTime, percent(firstTime, closed), repairsClosed, fixedFirst,
                percent(fixedFirst, repairsClosed), productsShipped, rate, List.copyOf(overdue));
    }

    static Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }
}
