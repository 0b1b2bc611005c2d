package dev.hotline.followup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage and planning over a generated archive, written set-based from MariaDB's sequence engine. 100 000
 * customers: every 10th KEY (joined 7 months ago, never visited: due), every 25th visited this year (4 000 = 4 %).
 * The rows are removed afterwards so other tests see the archive they expect.
 */
@SpringBootTest
class GeneratedArchiveIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(GeneratedArchiveIntegrationTests.class);
    private static final String MARK = "generated-archive";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    VisitPlanner planner;
    @Autowired
    FollowupCalendar calendar;

    @Test
    void coverageAndDueVisitsOfAHundredThousandCustomers() {
        var today = calendar.today(Clock.systemUTC());
        var before = planner.coverage(today.getYear(), today);
        generate(100_000, today);

        long planned = planner.planTierVisits(today, Instant.now());
        var after = planner.coverage(today.getYear(), today);

        assertThat(after.customers()).isEqualTo(before.customers() + 100_000);
        assertThat(after.visited()).isEqualTo(before.visited() + 4_000);
        assertThat(after.required()).isEqualTo((long) Math.ceil(after.customers() * 5 / 100.0 - 1e-9));
        assertThat(after.stillDue()).isEqualTo(after.required() - after.visited());
        // 10 000 KEY customers, 2 000 of them (every 50th: both 10th and 25th) visited today; LONG_TERM ones are
        // 7 of their 12 months in, not due
        assertThat(count("select count(*) from visit_task v join customer c on c.id = v.customer_id "
                + "where c.notes = ? and v.reason = 'TIER_SCHEDULE' and v.status = 'OPEN'")).isEqualTo(8_000);
        assertThat(planned).isGreaterThanOrEqualTo(8_000);
        assertThat(after.openDue()).isGreaterThanOrEqualTo(before.openDue() + 8_000);
        assertThat(planner.planTierVisits(today, Instant.now())).isZero();
    }

    /** Not a test of correctness: times planning over {@code -Dfollowup.bench=N} customers (docs/followup.md). */
    @Test
    @EnabledIfSystemProperty(named = "followup.bench", matches = "\\d+")
    void planningBenchmark() {
        int n = Integer.parseInt(System.getProperty("followup.bench"));
        var today = calendar.today(Clock.systemUTC());
        long t0 = System.nanoTime();
        generate(n, today);
        long t1 = System.nanoTime();
        long planned = planner.planTierVisits(today, Instant.now());
        long t2 = System.nanoTime();
        long again = planner.planTierVisits(today, Instant.now());
        long t3 = System.nanoTime();
        planner.coverage(today.getYear(), today);
        long t4 = System.nanoTime();
        log.info("BENCH followup planning over {} generated customers: generate {} ms, first planning {} ms "
                        + "({} tasks), second planning {} ms ({} tasks), coverage {} ms", n, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, planned, (t3 - t2) / 1_000_000, again, (t4 - t3) / 1_000_000);
    }

    @AfterEach
    void removeGenerated() {
        jdbc.update("delete v from visit_task v join customer c on c.id = v.customer_id where c.notes = ?", MARK);
        jdbc.update("delete from customer where notes = ?", MARK);
    }

    private void generate(int n, LocalDate today) {
        var joined = Timestamp.from(today.minusMonths(7).atStartOfDay().toInstant(ZoneOffset.UTC));
        jdbc.update("""
                insert into customer (name, tier, notes, created_at, updated_at)
                select concat('generated ', seq), if(seq % 10 = 0, 'KEY', if(seq % 7 = 0, 'LONG_TERM', 'REGULAR')),
                       ?, ?, ?
                from seq_1_to_""" + n, MARK, joined, joined);
        var doneAt = Timestamp.from(today.atTime(3, 0).toInstant(ZoneOffset.UTC));
        jdbc.update("""
                insert into visit_task (customer_id, reason, due_on, status, channel, outcome, created_at, created_by,
                                        done_at, done_by)
                select c.id, 'MANUAL', ?, 'DONE', 'PHONE', 'SATISFIED', ?, 'generator', ?, 'generator'
                from customer c where c.notes = ? and c.name regexp '^generated [0-9]+$'
                  and mod(cast(substring(c.name, 11) as unsigned), 25) = 0""", today, doneAt, doneAt, MARK);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class, MARK);
    }
}
