package dev.hotline.reporting;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Writes the report tables as CSV (one section per table) and as a workbook (one sheet per table). */
final class ReportFiles {

    private ReportFiles() {
    }

    static String csv(List<ReportTable> tables) {
        var out = new StringWriter();
        try (var csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            for (var table : tables) {
                csv.printRecord(text(table.title()));
                csv.printRecord(table.header().stream().map(ReportFiles::text).toList());
                for (var row : table.rows()) {
                    csv.printRecord(row.stream().map(ReportFiles::cell).toList());
                }
                csv.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static byte[] xlsx(List<ReportTable> tables) {
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            for (var table : tables) {
                // sheet names: no '/' and at most 31 characters
                var sheet = book.createSheet(table.title().replace('/', '-').substring(0, Math.min(31, table.title().length())));
                write(sheet.createRow(0), table.header());
                for (int r = 0; r < table.rows().size(); r++) {
                    write(sheet.createRow(r + 1), table.rows().get(r));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<?> cells) {
        for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value instanceof Number n) {
                row.createCell(c).setCellValue(n.doubleValue());
            } else if (value != null) {
                // a string cell is never evaluated as a formula in a workbook
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }

    private static Object cell(Object value) {
        return value instanceof Number || value == null ? value : text(value.toString());
    }

    static String text(String value) {
        return dev.hotline.shared.SpreadsheetText.defuse(value);
    }
}
