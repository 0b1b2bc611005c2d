package dev.hotline.followup;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The satisfaction report of a period (003 §3.7), normally a calendar month. Survey figures count the surveys
 * <em>invited</em> in [from, to): {@code answered} of them answered (whenever), {@code responseRate} =
 * answered / invited in percent, distribution and average over the answered ones. Visit figures: tasks due in the
 * period and how many of those are done, visits done in the period, and the year's coverage up to {@code to}.
 */
public record MonthlyReport(String period, LocalDate from, LocalDate to, Instant generatedAt,
                            long invited, long answered, BigDecimal responseRate,
                            Map<Dimension, Map<Level, Long>> distribution,
                            BigDecimal averageScore, double target, boolean targetMet,
                            List<NotSatisfied> notSatisfied,
                            long visitsDue, long visitsDueDone, long visitsDone,
                            long customers, long customersVisitedThisYear, BigDecimal coveragePercent,
                            double requiredCoveragePercent, long coverageRequired, long coverageStillDue) {

    /** A not-satisfied answer with its customer and ticket. */
    public record NotSatisfied(long surveyId, long customerId, String customerName, String ticketNumber,
                               BigDecimal score, String comment, Instant answeredAt) {
    }
}
