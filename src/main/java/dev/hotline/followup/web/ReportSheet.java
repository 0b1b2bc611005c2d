package dev.hotline.followup.web;

import dev.hotline.followup.Level;
import dev.hotline.followup.MonthlyReport;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/** The monthly report as an .xlsx workbook (Apache POI): Summary, Distribution, Not satisfied. */
final class ReportSheet {

    private ReportSheet() {
    }

    static byte[] write(MonthlyReport r) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var summary = book.createSheet("Summary");
            int i = 0;
            for (var row : ReportRows.summary(r)) {
                put(summary.createRow(i++), row);
            }
            var distribution = book.createSheet("Distribution");
            put(distribution.createRow(0), new Object[]{"dimension", "GOOD", "FAIR", "POOR"});
            i = 1;
            for (var e : r.distribution().entrySet()) {
                put(distribution.createRow(i++), new Object[]{e.getKey().name(), e.getValue().get(Level.GOOD),
                        e.getValue().get(Level.FAIR), e.getValue().get(Level.POOR)});
            }
            var unhappy = book.createSheet("Not satisfied");
            put(unhappy.createRow(0), ReportRows.NOT_SATISFIED_HEADER);
            i = 1;
            for (var n : r.notSatisfied()) {
                put(unhappy.createRow(i++), new Object[]{n.surveyId(), n.customerId(), n.customerName(),
                        n.ticketNumber(), n.score(), n.comment(), String.valueOf(n.answeredAt())});
            }
            autosize(summary, 2);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Numbers as numeric cells; text as string cells, which a spreadsheet never evaluates as a formula. */
    private static void put(Row row, Object[] values) {
        for (int c = 0; c < values.length; c++) {
            var cell = row.createCell(c);
            Object v = values[c];
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
            } else if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (v != null) {
                cell.setCellValue(v.toString());
            }
        }
    }

    private static void autosize(Sheet sheet, int columns) {
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, 32 * 256);
        }
    }
}
