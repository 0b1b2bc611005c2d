package dev.hotline.reporting;

import dev.hotline.servicelevel.ContactFigures;
import dev.hotline.ticket.KpiScorecard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One month for management: the queues, the agents, each day's figures, the KPI scorecard (its satisfaction KPI the
 * month's average survey score) and the satisfaction surveys of the month (average vs the target &gt; 90, 003 §3.7).
 */
record ManagementReport(YearMonth month, Instant from, Instant to, List<ContactFigures> queues,
                        List<ContactFigures> agents, List<ContactFigures> days, KpiScorecard scorecard,
                        Satisfaction satisfaction) {

    /** The month's surveys: {@code averageScore} null when none was answered. */
    record Satisfaction(long invited, long answered, java.math.BigDecimal responseRate,
                        java.math.BigDecimal averageScore, double target, boolean targetMet, long notSatisfied) {
    }
}
