package dev.hotline.reporting;

import dev.hotline.SeededMonth;
import dev.hotline.ticket.Kpi;
import dev.hotline.ticket.KpiScorecard;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * May 2009 (Asia/Shanghai), seeded set-based by {@link SeededMonth}: 12 000 contacts, 1 200 tickets and 60 000 units
 * shipped; the management report's figures equal the ones worked out by hand below, and it downloads as CSV and XLSX.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementReportIntegrationTests {

    static final YearMonth MAY = YearMonth.of(2009, 5);
    static final Instant START = Instant.parse("2009-04-30T16:00:00Z");

    @Autowired
    ManagementReports reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MockMvc mvc;

    final String run = Long.toString(System.nanoTime(), 36);
    final String queueA = "mqa-" + run, queueB = "mqb-" + run;
    final String formulaQueue = "=HYPERLINK(\"x\")-" + run;

    @BeforeAll
    void seed() {
        SeededMonth.contacts(jdbc, run, 12_000, START, 180, queueA, queueB, "maa-" + run, "mab-" + run);
        SeededMonth.tickets(jdbc, run, 1_200, START);
        // 60 000 units in May; the last day of April and the first of June do not count
        SeededMonth.shipments(jdbc, run, new LocalDate[]{LocalDate.of(2009, 4, 30), LocalDate.of(2009, 5, 1),
                LocalDate.of(2009, 5, 15), LocalDate.of(2009, 5, 31), LocalDate.of(2009, 6, 1)},
                new int[]{5_000, 20_000, 20_000, 20_000, 7_000});
        // a queue named like a formula, as someone could type it
        jdbc.update("""
                insert into contact (channel, provider, external_id, queue, status, outcome, agent, arrived_at,
                    answered_at, ended_at, rings_to_answer, ring_period_ms)
                values ('VOICE', 'seed', ?, ?, 'ENDED', 'ABANDONED', null, ? + interval 1 day, null,
                    ? + interval 1 day + interval 30 second, null, 5000)""",
                run + "-formula", formulaQueue, java.sql.Timestamp.from(START), java.sql.Timestamp.from(START));
    }

    @Test
    void theMonthsKpisAreScoredAsWorkedOutByHand() {
        var card = reports.build(MAY).scorecard();
        var kpis = card.kpis();
        // 1 200 tickets: 600 complaints (n mod 4 = 0, 1), 300 repairs, 300 inquiries
        assertThat(kpis.complaints()).isEqualTo(600);
        // response clock late for n mod 40 = 4: 30 of 600 → 95 %
        assertThat(kpis.responseOnTimePercent()).isEqualTo(95.0);
        // still open: n mod 20 = 1, 60 → 540 closed, 90 %
        assertThat(kpis.complaintsClosedPercent()).isEqualTo(90.0);
        // reopened: n mod 40 = 0, 30 of 540 closed → 510 / 540 = 94.44 %
        assertThat(kpis.resolutionPercent()).isEqualTo(94.44);
        // repeated repairs: n mod 20 = 2, 60 of 300 → 80 %
        assertThat(kpis.firstTimeFixPercent()).isEqualTo(80.0);
        // 600 complaints / 60 000 units shipped in May = 1 %
        assertThat(kpis.productsShipped()).isEqualTo(60_000);
        assertThat(kpis.complaintRatePercent()).isEqualTo(1.0);

        assertThat(line(card, Kpi.COMPLAINT_RESPONSE_ON_TIME).score()).isEqualTo(95.0);
        assertThat(line(card, Kpi.COMPLAINT_RESOLUTION).score()).isEqualTo(97.36);   // 94.44 / 97
        assertThat(line(card, Kpi.COMPLAINT_RATE).score()).isEqualTo(100.0);         // at the 1 % limit
        assertThat(line(card, Kpi.FIRST_TIME_FIX).score()).isEqualTo(88.89);         // 80 / 90
        assertThat(line(card, Kpi.REWORK).actual()).isEqualTo(20.0);
        assertThat(line(card, Kpi.REWORK).score()).isEqualTo(10.0);                  // 2 / 20
        assertThat(line(card, Kpi.SATISFACTION).score()).isNull();                    // no survey yet
        // (95 + 90 + 97.36 + 100 + 88.89 + 10) / 6 = 80.21: good (80), not excellent (90)
        assertThat(card.score()).isEqualTo(80.21);
        assertThat(card.rating()).isEqualTo(KpiScorecard.Rating.GOOD);
    }

    @Test
    void theStoredReportDownloadsAsCsvAndSpreadsheetWithTheSameFigures() throws Exception {
        var stored = reports.generate(MAY, "test");
        assertThat(stored.month()).isEqualTo("2009-05");

        String csv = mvc.perform(get("/api/reports/management/2009-05.csv").with(user("boss").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("2009-05.csv")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // queue A: offered 6000, answered 4800, 3600 within 3 rings = 60 %, ASA 9 s, AHT 60 s (see SeededMonth)
        assertThat(csv).contains("2009-05," + queueA + ",,6000,4800,3600,60.0,2.25,1:2400 2:1200 5:1200,1200,3:1200,0,9.0,60.0,1200,6000,");
        assertThat(csv).contains("2009-05," + queueB + ",,4800,3600,3600,75.0,2.0,1:1200 2:1200 3:1200,0,1:1200,1200,8.33,180.0,0,3600,");
        assertThat(csv).contains("COMPLAINT_RESOLUTION,94.44,97.0,97.36");
        // the formula-like queue name is text, not a formula
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")-" + run + "\"");
        assertThat(csv).doesNotContain(",=HYPERLINK");

        byte[] xlsx = mvc.perform(get("/api/reports/management/2009-05.xlsx").with(user("sup").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var queues = book.getSheet("Queues - 队列");
            var rowA = java.util.stream.IntStream.rangeClosed(1, queues.getLastRowNum()).mapToObj(queues::getRow)
                    .filter(r -> queueA.equals(r.getCell(1).getStringCellValue())).findFirst().orElseThrow();
            assertThat(rowA.getCell(3).getNumericCellValue()).isEqualTo(6000);
            assertThat(rowA.getCell(6).getNumericCellValue()).isEqualTo(60.0);
            assertThat(book.getSheet("KPIs - 指标").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("COMPLAINT_RESPONSE_ON_TIME");
        }
    }

    /**
     * June 2009 has surveys only: 4 sent in June (Beijing time), 3 answered with 100, 92 and 52 (not satisfied), one
     * still open; one of 1 July 00:00 Beijing time is July's. Average (100 + 92 + 52) / 3 = 81.33: below the target of
     * 90, and the satisfaction KPI is 81.33 against its 95 % target → 85.61.
     */
    @Test
    void theSatisfactionKpiIsTheMonthsAverageSurveyScoreAgainstTheTarget() {
        long customer = 9_000_000_000L + System.nanoTime() % 1_000_000;
        Object[][] surveys = {
                {"ANSWERED", "2009-05-31T16:30:00Z", "100", true, "GOOD,GOOD,GOOD,GOOD,GOOD"},
                {"ANSWERED", "2009-06-10T02:00:00Z", "92", true, "FAIR,GOOD,GOOD,GOOD,GOOD"},
                {"ANSWERED", "2009-06-30T15:30:00Z", "52", false, "POOR,FAIR,POOR,GOOD,GOOD"},
                {"INVITED", "2009-06-11T02:00:00Z", null, null, ",,,,"},
                {"ANSWERED", "2009-06-30T16:00:00Z", "0", false, "POOR,POOR,POOR,POOR,POOR"}};
        int n = 0;
        for (Object[] survey : surveys) {
            var at = java.sql.Timestamp.from(Instant.parse((String) survey[1]));
            String[] levels = ((String) survey[4]).split(",", -1);
            jdbc.update("insert into survey (customer_id, status, token_nonce, created_at, expires_at, answered_at, "
                            + "score, satisfied, quality, delivery, service, price, packaging) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", customer, survey[0],
                    run + "-s" + n++, at, at, "ANSWERED".equals(survey[0]) ? at : null, survey[2], survey[3],
                    blankToNull(levels[0]), blankToNull(levels[1]), blankToNull(levels[2]), blankToNull(levels[3]),
                    blankToNull(levels[4]));
        }

        var report = reports.build(YearMonth.of(2009, 6));

        var satisfaction = report.satisfaction();
        assertThat(satisfaction.invited()).isEqualTo(4);
        assertThat(satisfaction.answered()).isEqualTo(3);
        assertThat(satisfaction.averageScore()).isEqualByComparingTo("81.33");
        assertThat(satisfaction.target()).isEqualTo(90.0);
        assertThat(satisfaction.targetMet()).isFalse();
        assertThat(satisfaction.notSatisfied()).isEqualTo(1);
        assertThat(line(report.scorecard(), Kpi.SATISFACTION).actual()).isEqualTo(81.33);
        assertThat(line(report.scorecard(), Kpi.SATISFACTION).score()).isEqualTo(85.61);
        // June has no tickets: its only other scored KPI is the complaint rate, 0 of the 7 000 units shipped on
        // 1 June, which scores 100; (85.61 + 100) / 2 = 92.81
        assertThat(line(report.scorecard(), Kpi.COMPLAINT_RATE).score()).isEqualTo(100.0);
        assertThat(report.scorecard().score()).isEqualTo(92.81);
        var csv = ReportFiles.csv(ReportTable.of(report));
        assertThat(csv).contains("average_score,81.33", "target_above,90.0", "target_met,no",
                "SATISFACTION,81.33,95.0,85.61");
    }

    @Test
    void reportsAreForSupervisorsManagersAndAdminsAndRefuseBadInput() throws Exception {
        mvc.perform(get("/api/reports/contacts").param("month", "2009-05").with(user("agent").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/contacts").param("month", "2009-05").param("granularity", "MONTH")
                        .with(user("boss").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.queue == '" + queueA + "')].offered").value(6000));
        mvc.perform(get("/api/reports/contacts").param("month", "May 2009").with(user("boss").roles("MANAGER")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").exists());
        mvc.perform(get("/api/reports/contacts").param("month", "2009-05").param("granularity", "WEEK")
                        .with(user("boss").roles("MANAGER")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/management/2001-01.csv").with(user("boss").roles("MANAGER")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/reports/management/2009-05").with(user("sup").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/scorecard").param("month", "2009-05").with(user("sup").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rating").value("GOOD"));
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static KpiScorecard.Line line(KpiScorecard card, Kpi kpi) {
        return card.lines().stream().filter(l -> l.kpi() == kpi).findFirst().orElseThrow();
    }
}
