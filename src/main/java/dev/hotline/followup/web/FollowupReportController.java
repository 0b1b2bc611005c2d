package dev.hotline.followup.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.followup.MonthlyReport;
import dev.hotline.followup.MonthlyReports;
import dev.hotline.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** Monthly satisfaction reports for supervisors: stored ones, regenerated ones, any period on demand; JSON, CSV, XLSX. */
@Tag(name = "Follow-up", description = "Monthly satisfaction and visit reports (regulation 003 §3.7)")
@RestController
@RequestMapping("/api/followup/reports")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class FollowupReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final MonthlyReports reports;
    private final Clock clock;

    FollowupReportController(MonthlyReports reports, ObjectProvider<Clock> clock) {
        this.reports = reports;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Operation(summary = "Monthly follow-up reports stored so far")
    @GetMapping
    List<String> stored() {
        return reports.stored();
    }

    /** Any period [from, to) computed now, not stored. */
    @Operation(summary = "Follow-up report for any period (computed now)")
    @GetMapping("/period")
    ResponseEntity<?> period(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "json") String format) {
        return render(reports.compute(from, to, clock.instant()), format);
    }

    /** The stored report of a month ({@code 2026-11}); {@code format}: json (default), csv, xlsx. */
    @Operation(summary = "The stored follow-up report of a month (JSON, CSV or spreadsheet)")
    @GetMapping("/{month}")
    ResponseEntity<?> month(@PathVariable YearMonth month, @RequestParam(defaultValue = "json") String format) {
        var report = reports.find(month).orElseThrow(() -> new NotFoundException("report", month));
        return render(report, format);
    }

    /** Computes and stores the month's report again. */
    @Operation(summary = "Generate (again) the follow-up report of a month")
    @PostMapping("/{month}")
    MonthlyReport regenerate(@PathVariable YearMonth month, Authentication auth) {
        return reports.regenerate(month, clock.instant(), auth.getName());
    }

    private static ResponseEntity<?> render(MonthlyReport report, String format) {
        String name = "followup-" + report.period().replace("..", "_");
        return switch (format) {
            case "csv" -> ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
                    .body(ReportCsv.write(report));
            case "xlsx" -> ResponseEntity.ok()
                    .contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                    .body(ReportSheet.write(report));
            case "json" -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
            default -> throw new dev.hotline.shared.InvalidInputException("format", "format is json, csv or xlsx");
        };
    }
}
