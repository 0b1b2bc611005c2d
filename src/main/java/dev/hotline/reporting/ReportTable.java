package dev.hotline.reporting;

import dev.hotline.servicelevel.ContactFigures;
import dev.hotline.ticket.KpiScorecard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as titled tables of cells (String or Number), the one layout both the CSV and the XLSX writer use. */
record ReportTable(String title, List<String> header, List<List<Object>> rows) {

    static final List<String> FIGURES = List.of("interval", "queue", "agent", "offered", "answered",
            "answered_within_target_rings", "service_level_percent", "average_rings_to_answer", "rings_to_answer",
            "abandoned", "abandoned_after_rings", "overflowed", "asa_seconds", "aht_seconds", "ring_no_answers",
            "offers", "occupancy_percent");

    static List<ReportTable> of(ManagementReport report) {
        var tables = new ArrayList<ReportTable>();
        tables.add(new ReportTable("Summary / 概要", List.of("item", "value"), List.of(
                row("month", report.month().toString()), row("from", report.from().toString()),
                row("to", report.to().toString()),
                row("score", report.scorecard().score()),
                row("rating", report.scorecard().rating() == null ? "" : report.scorecard().rating().name()),
                row("complaints", report.scorecard().kpis().complaints()),
                row("products_shipped", report.scorecard().kpis().productsShipped()))));
        tables.add(new ReportTable("KPIs / 指标", List.of("kpi", "actual_percent", "target_percent", "score"),
                report.scorecard().lines().stream().map(ReportTable::kpiRow).toList()));
        var s = report.satisfaction();
        tables.add(new ReportTable("Satisfaction / 满意度", List.of("item", "value"), List.of(
                row("surveys_sent", s.invited()), row("answered", s.answered()),
                row("response_rate_percent", s.responseRate()), row("average_score", s.averageScore()),
                row("target_above", s.target()), row("target_met", s.targetMet() ? "yes" : "no"),
                row("not_satisfied", s.notSatisfied()))));
        tables.add(figures("Queues / 队列", report.queues()));
        tables.add(figures("Agents / 座席", report.agents()));
        tables.add(figures("Days / 每日", report.days()));
        return tables;
    }

    private static ReportTable figures(String title, List<ContactFigures> rows) {
        return new ReportTable(title, FIGURES, rows.stream().map(f -> row(f.interval(), f.queue(), f.agent(),
                f.offered(), f.answered(), f.answeredInTime(), f.serviceLevelPercent(), f.averageRingsToAnswer(),
                histogram(f.ringsToAnswer()), f.abandoned(), histogram(f.abandonedAfterRings()), f.overflowed(),
                f.asaSeconds(), f.ahtSeconds(), f.ringNoAnswers(), f.offers(), f.occupancyPercent())).toList());
    }

    private static List<Object> kpiRow(KpiScorecard.Line line) {
        return row(line.kpi().name(), line.actual(), line.target(), line.score());
    }

    /** "1:2400 2:1200 5:1200" — ring: contacts. */
    static String histogram(Map<Integer, Long> counts) {
        return new java.util.TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    private static List<Object> row(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
