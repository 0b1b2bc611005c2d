package dev.hotline.servicelevel;

import dev.hotline.SeededMonth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A seeded month, March 2024 in Asia/Shanghai: 12 000 contacts of {@link SeededMonth}'s pattern, one every 3 minutes
 * from 1 March 00:00 local (29 Feb 16:00 UTC). The expected figures are worked out by hand in the comments.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactReportIntegrationTests {

    static final Instant MARCH = Instant.parse("2024-02-29T16:00:00Z");
    static final Instant APRIL = Instant.parse("2024-03-31T16:00:00Z");

    @Autowired
    ContactReports reports;
    @Autowired
    JdbcTemplate jdbc;

    final String run = Long.toString(System.nanoTime(), 36);
    final String queueA = "rqa-" + run, queueB = "rqb-" + run, agentA = "raa-" + run, agentB = "rab-" + run;

    @BeforeAll
    void seedMonth() {
        SeededMonth.contacts(jdbc, run, 12_000, MARCH, 180, queueA, queueB, agentA, agentB);
        // one minute outside the month on either side: must not count
        jdbc.update("""
                insert into contact (channel, provider, external_id, queue, status, outcome, agent, arrived_at,
                    answered_at, ended_at, rings_to_answer, ring_period_ms)
                values ('VOICE', 'seed', ?, ?, 'ENDED', 'ANSWERED', ?, ? - interval 1 minute, ?, ?, 1, 5000),
                       ('VOICE', 'seed', ?, ?, 'ENDED', 'ANSWERED', ?, ?, ? + interval 1 second, ? + interval 1 minute, 1, 5000)""",
                run + "-before", queueA, agentA, ts(MARCH), ts(MARCH), ts(MARCH),
                run + "-after", queueA, agentA, ts(APRIL), ts(APRIL), ts(APRIL));
        // agent A on 1 March (local): available 00:00, busy 01:00–03:00, offline 04:00 → occupancy 2 h / 4 h
        jdbc.update("""
                insert into agent_state_history (agent, from_state, to_state, reason, contact_id, at) values
                (?, 'OFFLINE', 'AVAILABLE', null, null, ?), (?, 'AVAILABLE', 'BUSY', null, null, ? + interval 1 hour),
                (?, 'BUSY', 'AVAILABLE', null, null, ? + interval 3 hour), (?, 'AVAILABLE', 'OFFLINE', null, null, ? + interval 4 hour)""",
                agentA, ts(MARCH), agentA, ts(MARCH), agentA, ts(MARCH), agentA, ts(MARCH));
    }

    @Test
    void theMonthPerQueueEqualsTheHandComputedFigures() {
        var rows = mine(reports.byQueue(MARCH, APRIL, Granularity.MONTH));
        assertThat(rows).hasSize(2);
        var a = rows.get(0);
        var b = rows.get(1);
        assertThat(a.interval()).isEqualTo("2024-03");
        assertThat(a.queue()).isEqualTo(queueA);
        // A: 6000 contacts; answered 4800 (ring 1: 2400, ring 2: 1200, ring 5: 1200); abandoned 1200 on ring 3
        assertThat(a.offered()).isEqualTo(6000);
        assertThat(a.answered()).isEqualTo(4800);
        assertThat(a.answeredInTime()).isEqualTo(3600);
        assertThat(a.serviceLevelPercent()).isEqualTo(60.0);
        assertThat(a.ringsToAnswer()).isEqualTo(Map.of(1, 2400L, 2, 1200L, 5, 1200L));
        assertThat(a.averageRingsToAnswer()).isEqualTo(2.25);     // (2400·1 + 1200·2 + 1200·5) / 4800
        assertThat(a.abandoned()).isEqualTo(1200);
        assertThat(a.abandonedAfterRings()).isEqualTo(Map.of(3, 1200L));
        assertThat(a.overflowed()).isZero();
        assertThat(a.asaSeconds()).isEqualTo(9.0);                // (2400·3 + 1200·8 + 1200·22) / 4800
        assertThat(a.ahtSeconds()).isEqualTo(60.0);
        assertThat(a.offers()).isEqualTo(6000);                   // 4800 to agent A + 1200 rang out at agent B
        assertThat(a.ringNoAnswers()).isEqualTo(1200);
        // B: 6000 contacts, 1200 abandoned within 2 s (not offered); answered 3600 on rings 1, 2, 3; 1200 overflowed
        assertThat(b.offered()).isEqualTo(4800);
        assertThat(b.answered()).isEqualTo(3600);
        assertThat(b.answeredInTime()).isEqualTo(3600);
        assertThat(b.serviceLevelPercent()).isEqualTo(75.0);
        assertThat(b.averageRingsToAnswer()).isEqualTo(2.0);
        assertThat(b.abandoned()).isZero();
        assertThat(b.abandonedAfterRings()).isEqualTo(Map.of(1, 1200L));
        assertThat(b.overflowed()).isEqualTo(1200);
        assertThat(b.asaSeconds()).isEqualTo(8.33);               // (1200·3 + 1200·8 + 1200·14) / 3600
        assertThat(b.ahtSeconds()).isEqualTo(180.0);
        assertThat(b.ringNoAnswers()).isZero();
    }

    @Test
    void quarterHoursAndDaysAreCutInTheLocalZone() {
        var quarters = mine(reports.byQueue(MARCH, APRIL, Granularity.QUARTER_HOUR));
        // 5 contacts per quarter hour; 12 000 contacts = 2400 quarters, each with both queues
        assertThat(quarters).hasSize(4800);
        var first = quarters.get(0);
        assertThat(first.interval()).isEqualTo("2024-03-01 00:00");
        // n = 0, 2, 4 in A: answered on rings 1, 1, 2
        assertThat(first.offered()).isEqualTo(3);
        assertThat(first.answeredInTime()).isEqualTo(3);
        var second = quarters.get(2);
        // n = 6 (ring 5) and 8 (abandoned on ring 3) in A
        assertThat(second.interval()).isEqualTo("2024-03-01 00:15");
        assertThat(second.offered()).isEqualTo(2);
        assertThat(second.answeredInTime()).isZero();
        assertThat(second.abandoned()).isEqualTo(1);
        var days = mine(reports.byQueue(MARCH, APRIL, Granularity.DAY));
        // 480 contacts a day for 25 days
        assertThat(days).extracting(ContactFigures::interval).first().isEqualTo("2024-03-01");
        assertThat(days).extracting(ContactFigures::interval).last().isEqualTo("2024-03-25");
        assertThat(days.stream().filter(d -> d.queue().equals(queueA)).mapToLong(ContactFigures::offered))
                .allMatch(n -> n == 240);
        assertThat(mine(reports.byQueue(MARCH, APRIL, Granularity.HOUR))).hasSize(2 * 25 * 24);
    }

    @Test
    void coarseIntervalsSummedFromFineOnesEqualTheirOwnScan() {
        var all = reports.byQueue(MARCH, APRIL, java.util.EnumSet.of(Granularity.QUARTER_HOUR, Granularity.DAY,
                Granularity.MONTH));
        assertThat(mine(all.get(Granularity.MONTH))).isEqualTo(mine(reports.byQueue(MARCH, APRIL, Granularity.MONTH)));
        assertThat(mine(all.get(Granularity.DAY))).isEqualTo(mine(reports.byQueue(MARCH, APRIL, Granularity.DAY)));
        assertThat(mine(all.get(Granularity.QUARTER_HOUR))).hasSize(4800);
    }

    @Test
    void perAgentOffersAnswersRingNoAnswersAndOccupancy() {
        var month = reports.byAgent(MARCH, APRIL, Granularity.MONTH).stream()
                .filter(f -> f.agent().equals(agentA) || f.agent().equals(agentB)).toList();
        assertThat(month).hasSize(2);
        var a = month.get(0);
        var b = month.get(1);
        assertThat(a.offered()).isEqualTo(4800);
        assertThat(a.answered()).isEqualTo(4800);
        assertThat(a.answeredInTime()).isEqualTo(3600);
        assertThat(a.serviceLevelPercent()).isEqualTo(75.0);
        assertThat(a.ringNoAnswers()).isZero();
        assertThat(a.occupancyPercent()).isEqualTo(50.0);
        assertThat(b.offered()).isEqualTo(4800);                 // 3600 answered + 1200 rang out
        assertThat(b.answered()).isEqualTo(3600);
        assertThat(b.ringNoAnswers()).isEqualTo(1200);
        assertThat(b.ahtSeconds()).isEqualTo(180.0);
        assertThat(b.occupancyPercent()).isNull();                // no state history: not measured

        var days = reports.byAgent(MARCH, APRIL, Granularity.DAY).stream()
                .filter(f -> f.agent().equals(agentA)).toList();
        assertThat(days.get(0).occupancyPercent()).isEqualTo(50.0);
        assertThat(days.get(1).occupancyPercent()).isNull();
    }

    @Test
    void theServiceLevelOfAQueueComesFromTheRecord() {
        var level = reports.serviceLevel(queueB, MARCH);
        assertThat(level.offered()).isEqualTo(4800);
        assertThat(level.answeredInTime()).isEqualTo(3600);
        assertThat(level.overflowed()).isEqualTo(1200);
    }

    private List<ContactFigures> mine(List<ContactFigures> rows) {
        return rows.stream().filter(f -> f.queue().equals(queueA) || f.queue().equals(queueB)).toList();
    }

    private static java.sql.Timestamp ts(Instant t) {
        return java.sql.Timestamp.from(t);
    }
}
