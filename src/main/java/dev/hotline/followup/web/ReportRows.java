package dev.hotline.followup.web;

import dev.hotline.followup.MonthlyReport;

import java.util.List;

/** The summary lines of a report, shared by the CSV and the spreadsheet so both say the same. */
final class ReportRows {

    static final String[] NOT_SATISFIED_HEADER = {"survey", "customer_id", "customer", "ticket", "score", "comment",
            "answered_at"};

    private ReportRows() {
    }

    static List<Object[]> summary(MonthlyReport r) {
        return List.of(
                new Object[]{"period", r.period()},
                new Object[]{"from", r.from().toString()},
                new Object[]{"to_exclusive", r.to().toString()},
                new Object[]{"generated_at", r.generatedAt().toString()},
                new Object[]{"surveys_invited", r.invited()},
                new Object[]{"surveys_answered", r.answered()},
                new Object[]{"response_rate_percent", r.responseRate()},
                new Object[]{"average_score", r.averageScore()},
                new Object[]{"target_score_above", r.target()},
                new Object[]{"target_met", r.targetMet()},
                new Object[]{"not_satisfied", (long) r.notSatisfied().size()},
                new Object[]{"visits_due", r.visitsDue()},
                new Object[]{"visits_due_done", r.visitsDueDone()},
                new Object[]{"visits_done", r.visitsDone()},
                new Object[]{"customers", r.customers()},
                new Object[]{"customers_visited_this_year", r.customersVisitedThisYear()},
                new Object[]{"coverage_percent", r.coveragePercent()},
                new Object[]{"coverage_required_percent", r.requiredCoveragePercent()},
                new Object[]{"coverage_required", r.coverageRequired()},
                new Object[]{"coverage_still_due", r.coverageStillDue()});
    }
}
