package dev.hotline.ticket;

import java.util.List;

/**
 * The KPIs of a period against their targets, each scored 0–100, and the overall score rated by 004 §10: 70 pass,
 * 80 good, 90 excellent. KPIs with nothing to measure (no complaints, no survey yet) are shown but not scored.
 */
public record KpiScorecard(TicketKpis kpis, List<Line> lines, Double score, Rating rating) {

    public record Line(Kpi kpi, Double actual, double target, Double score) {
    }

    public enum Rating {
        FAIL, PASS, GOOD, EXCELLENT;

        public static Rating of(double score) {
            return score >= 90 ? EXCELLENT : score >= 80 ? GOOD : score >= 70 ? PASS : FAIL;
        }
    }

    static KpiScorecard of(TicketKpis kpis, Double satisfaction, java.util.Map<Kpi, Double> targets) {
        Double rework = kpis.firstTimeFixPercent() == null ? null
                : Math.round((100 - kpis.firstTimeFixPercent()) * 100) / 100.0;
        var actuals = new java.util.EnumMap<Kpi, Double>(Kpi.class);
        actuals.put(Kpi.COMPLAINT_RESPONSE_ON_TIME, kpis.responseOnTimePercent());
        actuals.put(Kpi.COMPLAINTS_CLOSED, kpis.complaintsClosedPercent());
        actuals.put(Kpi.COMPLAINT_RESOLUTION, kpis.resolutionPercent());
        actuals.put(Kpi.SATISFACTION, satisfaction);
        actuals.put(Kpi.COMPLAINT_RATE, kpis.complaintRatePercent());
        actuals.put(Kpi.FIRST_TIME_FIX, kpis.firstTimeFixPercent());
        actuals.put(Kpi.REWORK, rework);
        var lines = new java.util.ArrayList<Line>();
        double sum = 0;
        int scored = 0;
        for (Kpi kpi : Kpi.values()) {
            Double actual = actuals.get(kpi);
            double target = targets.get(kpi);
            Double score = actual == null ? null : Math.round(kpi.score(actual, target) * 100) / 100.0;
            if (score != null) {
                sum += score;
                scored++;
            }
            lines.add(new Line(kpi, actual, target, score));
        }
        Double total = scored == 0 ? null : Math.round(sum / scored * 100) / 100.0;
        return new KpiScorecard(kpis, List.copyOf(lines), total, total == null ? null : Rating.of(total));
    }
}
