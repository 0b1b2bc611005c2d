package dev.hotline.ticket.web;

import dev.hotline.ticket.TicketKpis;

/** KPIs as CSV for spreadsheets: one metric per row, then the overdue list. */
final class KpiCsv {

    private KpiCsv() {
    }

    static String write(TicketKpis k) {
        var csv = new StringBuilder("metric,value\n");
        row(csv, "from", k.from());
        row(csv, "to", k.to());
        row(csv, "complaints", k.complaints());
        row(csv, "complaint_response_on_time_percent", k.responseOnTimePercent());
        row(csv, "complaints_closed_percent", k.complaintsClosedPercent());
        row(csv, "complaint_resolution_percent", k.resolutionPercent());
        row(csv, "repairs_closed", k.repairsClosed());
        row(csv, "first_time_fix_percent", k.firstTimeFixPercent());
        row(csv, "products_shipped", k.productsShipped());
        row(csv, "complaint_rate_percent", k.complaintRatePercent());
        csv.append("\noverdue_ticket,type,deadline,due_at,assignee\n");
        for (var o : k.overdue()) {
            csv.append(cell(o.number())).append(',').append(cell(o.type())).append(',').append(cell(o.kind()))
                    .append(',').append(cell(o.dueAt())).append(',').append(cell(o.assignee())).append('\n');
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, String name, Object value) {
        csv.append(name).append(',').append(cell(value)).append('\n');
    }

    /** Quotes when needed, and defuses formula injection for spreadsheet users. */
    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number ? value.toString() : dev.hotline.shared.SpreadsheetText.defuse(value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
