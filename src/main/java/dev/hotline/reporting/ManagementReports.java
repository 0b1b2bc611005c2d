package dev.hotline.reporting;

import dev.hotline.followup.MonthlyReports;
import dev.hotline.servicelevel.ContactReports;
import dev.hotline.servicelevel.Granularity;
import dev.hotline.ticket.TicketManagement;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * Generates, stores and serves the monthly management report. The schedule runs on one node (ShedLock) and the
 * unique month keeps one stored report per month even when a manual run overlaps it.
 */
@Service
class ManagementReports {

    private static final Logger log = LoggerFactory.getLogger(ManagementReports.class);

    private final ContactReports contacts;
    private final TicketManagement tickets;
    private final MonthlyReports surveys;
    private final JdbcTemplate jdbc;
    private final ReportingProperties properties;
    private final Clock clock;

    ManagementReports(ContactReports contacts, TicketManagement tickets, MonthlyReports surveys, JdbcTemplate jdbc,
                      ReportingProperties properties, ObjectProvider<Clock> clock) {
        this.contacts = contacts;
        this.tickets = tickets;
        this.surveys = surveys;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    record Stored(String month, Instant generatedAt, String generatedBy, long millis) {
    }

    /** Last month's report, unless it is stored already. */
    @Scheduled(cron = "${hotline.reporting.monthly-cron:0 0 2 1 * *}", zone = "${hotline.reporting.zone:Asia/Shanghai}")
    @SchedulerLock(name = "management-report", lockAtMostFor = "PT1H")
    void scheduled() {
        var month = YearMonth.from(clock.instant().atZone(properties.zone())).minusMonths(1);
        if (find(month).isEmpty()) {
            var stored = generate(month, "schedule");
            log.info("Management report {} generated in {} ms", month, stored.millis());
        }
    }

    ManagementReport build(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(properties.zone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(properties.zone()).toInstant();
        var queues = contacts.byQueue(from, to, EnumSet.of(Granularity.DAY, Granularity.MONTH));
        var survey = surveys.compute(month, clock.instant());
        var satisfaction = new ManagementReport.Satisfaction(survey.invited(), survey.answered(),
                survey.responseRate(), survey.answered() == 0 ? null : survey.averageScore(), survey.target(),
                survey.targetMet(), survey.notSatisfied().size());
        Double average = satisfaction.averageScore() == null ? null : satisfaction.averageScore().doubleValue();
        return new ManagementReport(month, from, to, queues.get(Granularity.MONTH),
                contacts.byAgent(from, to, Granularity.MONTH), queues.get(Granularity.DAY),
                tickets.scorecard(from, to, average), satisfaction);
    }

    /** Builds the month's report and stores it, replacing an earlier one of the same month. */
    Stored generate(YearMonth month, String by) {
        long started = System.nanoTime();
        var tables = ReportTable.of(build(month));
        String csv = ReportFiles.csv(tables);
        byte[] xlsx = ReportFiles.xlsx(tables);
        long millis = (System.nanoTime() - started) / 1_000_000;
        Instant now = clock.instant();
        // one statement: two nodes generating the same month at once leave one row, the later one
        jdbc.update("""
                insert into management_report (month, generated_at, generated_by, millis, csv, xlsx)
                values (?, ?, ?, ?, ?, ?)
                on duplicate key update generated_at = values(generated_at), generated_by = values(generated_by),
                    millis = values(millis), csv = values(csv), xlsx = values(xlsx)""",
                month.toString(), Timestamp.from(now), by, millis, csv, xlsx);
        return new Stored(month.toString(), now, by, millis);
    }

    List<Stored> list() {
        return jdbc.query("select month, generated_at, generated_by, millis from management_report order by month desc",
                (rs, i) -> new Stored(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getLong(4)));
    }

    Optional<Stored> find(YearMonth month) {
        return list().stream().filter(s -> s.month().equals(month.toString())).findFirst();
    }

    Optional<String> csv(YearMonth month) {
        return jdbc.query("select csv from management_report where month = ?", (rs, i) -> rs.getString(1),
                month.toString()).stream().findFirst();
    }

    Optional<byte[]> xlsx(YearMonth month) {
        return jdbc.query("select xlsx from management_report where month = ?", (rs, i) -> rs.getBytes(1),
                month.toString()).stream().findFirst();
    }
}
