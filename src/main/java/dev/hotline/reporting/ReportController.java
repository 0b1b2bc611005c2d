package dev.hotline.reporting;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.servicelevel.ContactFigures;
import dev.hotline.servicelevel.ContactReports;
import dev.hotline.servicelevel.Granularity;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.ticket.KpiScorecard;
import dev.hotline.ticket.TicketManagement;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reports for supervisors and managers: contact figures, the KPI scorecard, the stored monthly reports. */
@Tag(name = "Reports", description = "Contact figures, KPI scorecard and the monthly management report")
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
class ReportController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ContactReports contacts;
    private final TicketManagement tickets;
    private final ManagementReports management;
    private final ReportingProperties properties;

    ReportController(ContactReports contacts, TicketManagement tickets, ManagementReports management,
                     ReportingProperties properties) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.management = management;
        this.properties = properties;
    }

    enum By {
        QUEUE, AGENT
    }

    /** Figures per interval and queue or agent, over a month ({@code month=2024-03}) or from {@code from} up to {@code to}. */
    @Operation(summary = "Contact figures per interval, queue or agent")
    @GetMapping("/contacts")
    List<ContactFigures> contacts(@RequestParam(required = false) String month,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                                  @RequestParam(defaultValue = "DAY") Granularity granularity,
                                  @RequestParam(defaultValue = "QUEUE") By by) {
        var period = period(month, from, to);
        return by == By.QUEUE ? contacts.byQueue(period[0], period[1], granularity)
                : contacts.byAgent(period[0], period[1], granularity);
    }

    @Operation(summary = "KPI scorecard against the targets (70/80/90)")
    @GetMapping("/scorecard")
    KpiScorecard scorecard(@RequestParam(required = false) String month,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        var period = period(month, from, to);
        return tickets.scorecard(period[0], period[1]);
    }

    @Operation(summary = "Stored monthly management reports")
    @GetMapping("/management")
    List<ManagementReports.Stored> stored() {
        return management.list();
    }

    /** Generates (again) a month's report now; the schedule does this for last month on its own. */
    @Operation(summary = "Generate the management report of a month")
    @PostMapping("/management/{month}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    ManagementReports.Stored generate(@PathVariable String month, Authentication auth) {
        return management.generate(month(month), auth.getName());
    }

    @Operation(summary = "The management report of a month as CSV")
    @GetMapping("/management/{month}.csv")
    ResponseEntity<byte[]> csv(@PathVariable String month) {
        var ym = month(month);
        // a byte order mark so that spreadsheet programs read the Chinese titles as UTF-8
        var csv = management.csv(ym).orElseThrow(() -> new NotFoundException("Management report", month));
        return download("\uFEFF" + csv, ym, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @Operation(summary = "The management report of a month as a spreadsheet")
    @GetMapping("/management/{month}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable String month) {
        var ym = month(month);
        var xlsx = management.xlsx(ym).orElseThrow(() -> new NotFoundException("Management report", month));
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"management-report-" + ym + ".xlsx\"")
                .body(xlsx);
    }

    private static ResponseEntity<byte[]> download(String text, YearMonth month, String ext, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"management-report-" + month + "." + ext + "\"")
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    private Instant[] period(String month, Instant from, Instant to) {
        if (month != null) {
            var ym = month(month);
            return new Instant[]{ym.atDay(1).atStartOfDay(properties.zone()).toInstant(),
                    ym.plusMonths(1).atDay(1).atStartOfDay(properties.zone()).toInstant()};
        }
        if (from == null || to == null || !from.isBefore(to)) {
            throw new InvalidInputException("from", "Give a month (2024-03) or from before to");
        }
        if (Duration.between(from, to).toDays() > properties.maxDays()) {
            throw new InvalidInputException("to", "A report covers at most " + properties.maxDays() + " days");
        }
        return new Instant[]{from, to};
    }

    private static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "A month is written 2024-03");
        }
    }
}
