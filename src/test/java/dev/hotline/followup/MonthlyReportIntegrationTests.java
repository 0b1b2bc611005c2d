package dev.hotline.followup;

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
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The report of a seeded month (March 2031, a month no other test touches) against figures worked out by hand:
 * 1 250 surveys invited in March; 1 000 answered: 900 all GOOD (score 100), 80 with quality FAIR and the rest GOOD
 * (score 92), 20 all POOR (score 0, not satisfied); 250 unanswered. Plus 40 surveys in February and April that must
 * not count. Response rate 1000/1250 = 80.00 %; average (900·100 + 80·92 + 20·0) / 1000 = 97.36 > 90.
 * Visits: 10 due in March, 6 of them done (in March); 2 more due in March but cancelled (not counted); 1 more done in March that was
 * due in February: visitsDue 10, visitsDueDone 6, visitsDone 7.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportIntegrationTests {

    private static final YearMonth MARCH = YearMonth.of(2031, 3);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MonthlyReports reports;
    @Autowired
    FollowupJobs jobs;
    @Autowired
    MockMvc mvc;

    private long customer;

    @BeforeAll
    void seed() {
        customer = FollowupFixtures.customer(jdbc, "REGULAR", Instant.parse("2030-01-01T00:00:00Z"));
        var rows = new ArrayList<Object[]>();
        var march = Instant.parse("2031-03-10T04:00:00Z");
        for (int i = 0; i < 1250; i++) {
            String q = "GOOD", rest = "GOOD", status = "ANSWERED", score = "100";
            Boolean satisfied = true;
            String comment = null;
            if (i >= 900 && i < 980) {
                q = "FAIR";
                score = "92";
            } else if (i >= 980 && i < 1000) {
                q = "POOR";
                rest = "POOR";
                score = "0";
                satisfied = false;
                comment = i == 980 ? "=HYPERLINK(\"http://evil\",\"x\")" : "包装破损";
            } else if (i >= 1000) {
                q = null;
                rest = null;
                status = "INVITED";
                score = null;
                satisfied = null;
            }
            rows.add(new Object[]{customer, status, "n" + i, Timestamp.from(march.plusSeconds(i)),
                    Timestamp.from(march.plusSeconds(86400L * 30)), status.equals("ANSWERED")
                    ? Timestamp.from(march.plusSeconds(3600 + i)) : null, q, rest, rest, rest, rest, score, satisfied,
                    comment});
        }
        for (int i = 0; i < 40; i++) {
            // late February and early April in the company's zone (UTC+8): outside March
            var at = i % 2 == 0 ? Instant.parse("2031-02-28T15:59:00Z") : Instant.parse("2031-03-31T16:00:00Z");
            rows.add(new Object[]{customer, "ANSWERED", "o" + i, Timestamp.from(at), Timestamp.from(at.plusSeconds(60)),
                    Timestamp.from(at), "POOR", "POOR", "POOR", "POOR", "POOR", "0", false, null});
        }
        jdbc.batchUpdate("""
                insert into survey (customer_id, status, token_nonce, created_at, expires_at, answered_at, quality,
                                    delivery, service, price, packaging, score, satisfied, comment)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        for (int i = 0; i < 10; i++) {
            var dueOn = LocalDate.of(2031, 3, 1 + i);
            boolean done = i < 6;
            visit(dueOn, done ? "DONE" : "OPEN", done ? Instant.parse("2031-03-20T02:00:00Z") : null);
        }
        visit(LocalDate.of(2031, 3, 15), "CANCELLED", Instant.parse("2031-03-16T02:00:00Z"));
        visit(LocalDate.of(2031, 3, 16), "CANCELLED", Instant.parse("2031-03-16T02:00:00Z"));
        visit(LocalDate.of(2031, 2, 20), "DONE", Instant.parse("2031-03-02T02:00:00Z"));
    }

    private void visit(LocalDate dueOn, String status, Instant doneAt) {
        jdbc.update("""
                insert into visit_task (customer_id, reason, due_on, status, created_at, created_by, done_at, done_by)
                values (?, 'MANUAL', ?, ?, ?, 't', ?, ?)""", customer, dueOn, status,
                Timestamp.from(Instant.parse("2031-01-01T00:00:00Z")),
                doneAt == null ? null : Timestamp.from(doneAt), doneAt == null ? null : "t");
    }

    @Test
    void theSeededMonthMatchesTheHandComputedFigures() {
        var r = reports.compute(MARCH, Instant.now());

        assertThat(r.period()).isEqualTo("2031-03");
        assertThat(r.invited()).isEqualTo(1250);
        assertThat(r.answered()).isEqualTo(1000);
        assertThat(r.responseRate()).isEqualByComparingTo("80.00");
        assertThat(r.averageScore()).isEqualByComparingTo("97.36");
        assertThat(r.targetMet()).isTrue();
        assertThat(r.distribution().get(Dimension.QUALITY))
                .isEqualTo(Map.of(Level.GOOD, 900L, Level.FAIR, 80L, Level.POOR, 20L));
        for (var d : new Dimension[]{Dimension.DELIVERY, Dimension.SERVICE, Dimension.PRICE, Dimension.PACKAGING}) {
            assertThat(r.distribution().get(d)).isEqualTo(Map.of(Level.GOOD, 980L, Level.FAIR, 0L, Level.POOR, 20L));
        }
        assertThat(r.notSatisfied()).hasSize(20).allSatisfy(n -> {
            assertThat(n.customerId()).isEqualTo(customer);
            assertThat(n.customerName()).startsWith("回访客户");
            assertThat(n.score()).isEqualByComparingTo("0");
        });
        assertThat(r.visitsDue()).isEqualTo(10);
        assertThat(r.visitsDueDone()).isEqualTo(6);
        assertThat(r.visitsDone()).isEqualTo(7);
        // one customer visited in 2031 so far (all fixtures of this test belong to it)
        assertThat(r.customersVisitedThisYear()).isEqualTo(1);
        assertThat(r.coverageRequired()).isEqualTo((long) Math.ceil(r.customers() * 0.05 - 1e-9));
    }

    @Test
    void theScheduleStoresLastMonthsReportOnceOnTheReportDay() throws Exception {
        // April 28th 2031 is a Monday: not before it, exactly once from it on
        assertThat(jobs.run(LocalDate.of(2031, 4, 25))).isNull();
        assertThat(reports.find(MARCH)).isEmpty();
        assertThat(jobs.run(LocalDate.of(2031, 4, 28))).isEqualTo(MARCH);
        assertThat(jobs.run(LocalDate.of(2031, 4, 29))).isNull();
        assertThat(reports.find(MARCH)).get().satisfies(r -> assertThat(r.averageScore()).isEqualByComparingTo("97.36"));

        mvc.perform(get("/api/followup/reports/2031-03").with(user("agent.a").roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/followup/reports/2031-03").with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answered").value(1000))
                .andExpect(jsonPath("$.distribution.QUALITY.FAIR").value(80));
        mvc.perform(get("/api/followup/reports/2031-03").param("format", "csv")
                        .with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("followup-2031-03.csv")))
                .andExpect(content().string(containsString("average_score,97.36")))
                .andExpect(content().string(containsString("response_rate_percent,80.00")))
                .andExpect(content().string(containsString("QUALITY,900,80,20")))
                // a formula in a customer's comment is defused
                .andExpect(content().string(containsString("\"'=HYPERLINK(")));
        byte[] xlsx = mvc.perform(get("/api/followup/reports/2031-03").param("format", "xlsx")
                        .with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var summary = new HashMap<String, Object>();
            book.getSheet("Summary").forEach(row -> summary.put(row.getCell(0).getStringCellValue(),
                    row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            ? row.getCell(1).getNumericCellValue() : row.getCell(1).toString()));
            assertThat(summary).containsEntry("average_score", 97.36).containsEntry("surveys_answered", 1000.0);
            assertThat(book.getSheet("Not satisfied").getPhysicalNumberOfRows()).isEqualTo(21);
        }
        mvc.perform(get("/api/followup/reports/2031-05").with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/followup/reports/period").param("from", "2031-03-01").param("to", "2031-03-01")
                        .with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/followup/reports/period").param("from", "2031-03-01").param("to", "2031-04-01")
                        .param("format", "pdf").with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/followup/reports/period").param("from", "2031-03-10").param("to", "2031-03-11")
                        .with(user("sup.li").roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.invited").value(1250));
    }
}
