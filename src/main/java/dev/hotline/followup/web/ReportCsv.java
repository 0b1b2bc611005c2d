package dev.hotline.followup.web;

import dev.hotline.followup.MonthlyReport;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The monthly report as CSV: summary rows, the distribution, then the not-satisfied list. */
final class ReportCsv {

    private ReportCsv() {
    }

    static String write(MonthlyReport r) {
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("metric", "value");
            for (var row : ReportRows.summary(r)) {
                csv.printRecord(row[0], safe(row[1]));
            }
            csv.println();
            csv.printRecord("dimension", "GOOD", "FAIR", "POOR");
            for (var e : r.distribution().entrySet()) {
                csv.printRecord(e.getKey(), e.getValue().get(dev.hotline.followup.Level.GOOD),
                        e.getValue().get(dev.hotline.followup.Level.FAIR),
                        e.getValue().get(dev.hotline.followup.Level.POOR));
            }
            csv.println();
            csv.printRecord((Object[]) ReportRows.NOT_SATISFIED_HEADER);
            for (var n : r.notSatisfied()) {
                csv.printRecord(n.surveyId(), n.customerId(), safe(n.customerName()), safe(n.ticketNumber()),
                        n.score(), safe(n.comment()), n.answeredAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Object safe(Object value) {
        return dev.hotline.shared.SpreadsheetText.defuse(value);
    }
}
