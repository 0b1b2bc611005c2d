package dev.hotline.servicelevel;

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
 * A seeded month, March 2024 in Asia/Shanghai: 12 000 contacts, one every 3 minutes from 1 March 00:00 local
 * (29 Feb 16:00 UTC), inserted set-based. Contact n is in queue A when n is even, B when odd; by n mod 10:
 * 0,1,2 answered after 3 s (ring 1), 3,4 after 8 s (ring 2), 5 after 14 s (ring 3), 6 after 22 s (ring 5);
 * 7 abandoned after 2 s (a short abandon, ring 1), 8 after 12 s (ring 3); 9 overflowed. Handle time 60 s in A,
 * 180 s in B. Answers in A are offered to agent A, in B to agent B; contacts answered on ring 5 rang out at agent B
 * first. The expected figures below are worked out by hand in the comments.
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
        String digits = "(select 0 d union all select 1 union all select 2 union all select 3 union all select 4"
                + " union all select 5 union all select 6 union all select 7 union all select 8 union all select 9)";
        // wait and handle seconds per n, as described above
        String wait = "case n % 10 when 0 then 3 when 1 then 3 when 2 then 3 when 3 then 8 when 4 then 8"
                + " when 5 then 14 when 6 then 22 when 7 then 2 when 8 then 12 else 30 end";
        String outcome = "case when n % 10 <= 6 then 'ANSWERED' when n % 10 <= 8 then 'ABANDONED' else 'OVERFLOWED' end";
        String rings = "case n % 10 when 0 then 1 when 1 then 1 when 2 then 1 when 3 then 2 when 4 then 2"
                + " when 5 then 3 when 6 then 5 end";
        jdbc.update("""
                insert into contact (channel, provider, external_id, queue, status, outcome, agent, arrived_at,
                    queued_at, answered_at, ended_at, rings_to_answer, ring_period_ms, offer_count, subject)
                select 'VOICE', 'seed', concat(?, '-', n), if(n %% 2 = 0, ?, ?), 'ENDED', %2$s,
                    if(n %% 10 <= 6, if(n %% 2 = 0, ?, ?), null),
                    ? + interval n * 180 second, ? + interval n * 180 second,
                    if(n %% 10 <= 6, ? + interval n * 180 + (%1$s) second, null),
                    ? + interval n * 180 + (%1$s) + if(n %% 10 <= 6, if(n %% 2 = 0, 60, 180), 0) second,
                    if(n %% 10 <= 6, %3$s, null), 5000, 0, null
                from (select a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d as n
                      from %4$s a, %4$s b, %4$s c, %4$s e, %4$s f) seq
                where n < 12000""".formatted(wait, outcome, rings, digits),
                run, queueA, queueB, agentA, agentB, ts(MARCH), ts(MARCH), ts(MARCH), ts(MARCH));
        // one minute outside the month on either side: must not count
        jdbc.update("""
                insert into contact (channel, provider, external_id, queue, status, outcome, agent, arrived_at,
                    answered_at, ended_at, rings_to_answer, ring_period_ms)
                values ('VOICE', 'seed', ?, ?, 'ENDED', 'ANSWERED', ?, ? - interval 1 minute, ?, ?, 1, 5000),
                       ('VOICE', 'seed', ?, ?, 'ENDED', 'ANSWERED', ?, ?, ? + interval 1 second, ? + interval 1 minute, 1, 5000)""",
                run + "-before", queueA, agentA, ts(MARCH), ts(MARCH), ts(MARCH),
                run + "-after", queueA, agentA, ts(APRIL), ts(APRIL), ts(APRIL));
        // offers: every answer was offered to its agent; ring-5 answers rang out at agent B before
        jdbc.update("""
                insert into contact_history (contact_id, at, action, from_status, to_status, agent, detail)
                select id, arrived_at, 'OFFERED', 'WAITING', 'OFFERED', ?, null from contact
                where provider = 'seed' and external_id like concat(?, '-%') and rings_to_answer = 5""", agentB, run);
        jdbc.update("""
                insert into contact_history (contact_id, at, action, from_status, to_status, agent, detail)
                select id, arrived_at + interval 15 second, 'REQUEUED', 'OFFERED', 'WAITING', ?, 'ring-no-answer'
                from contact where provider = 'seed' and external_id like concat(?, '-%') and rings_to_answer = 5""",
                agentB, run);
        jdbc.update("""
                insert into contact_history (contact_id, at, action, from_status, to_status, agent, detail)
                select id, answered_at, 'OFFERED', 'WAITING', 'OFFERED', agent, null from contact
                where provider = 'seed' and external_id like concat(?, '-%') and outcome = 'ANSWERED'""", run);
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
