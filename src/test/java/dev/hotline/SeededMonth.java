package dev.hotline;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * A month of history inserted set-based (one INSERT … SELECT over a generated sequence), for report tests and the
 * report benchmark. The contact pattern repeats every 10 contacts, so every figure can be worked out by hand:
 * contact n arrives at {@code start + n·3 min} (or {@code spacingSeconds}); it is in queue A when n is even, B when
 * odd; by n mod 10: 0,1,2 answered after 3 s (ring 1), 3,4 after 8 s (ring 2), 5 after 14 s (ring 3), 6 after 22 s
 * (ring 5); 7 abandoned after 2 s (short, ring 1), 8 after 12 s (ring 3); 9 overflowed. Handle time 60 s in A, 180 s
 * in B. Answers in A are offered to agent A, in B to agent B; answers on ring 5 rang out at agent B first.
 */
public final class SeededMonth {

    private static final String DIGITS = "(select 0 d union all select 1 union all select 2 union all select 3"
            + " union all select 4 union all select 5 union all select 6 union all select 7 union all select 8"
            + " union all select 9)";

    private SeededMonth() {
    }

    /** Numbers 0 .. 10^digits − 1 as a derived table with column {@code n}. */
    public static String sequence(int digits) {
        var from = new StringBuilder();
        var n = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            from.append(i == 0 ? "" : ", ").append(DIGITS).append(" d").append(i);
            n.append(i == 0 ? "" : " + ").append("d").append(i).append(".d * ").append((long) Math.pow(10, i));
        }
        return "(select " + n + " as n from " + from + ")";
    }

    public static void contacts(JdbcTemplate jdbc, String run, int count, Instant start, int spacingSeconds,
                                String queueA, String queueB, String agentA, String agentB) {
        String wait = "case n % 10 when 0 then 3 when 1 then 3 when 2 then 3 when 3 then 8 when 4 then 8"
                + " when 5 then 14 when 6 then 22 when 7 then 2 when 8 then 12 else 30 end";
        String outcome = "case when n % 10 <= 6 then 'ANSWERED' when n % 10 <= 8 then 'ABANDONED' else 'OVERFLOWED' end";
        String rings = "case n % 10 when 0 then 1 when 1 then 1 when 2 then 1 when 3 then 2 when 4 then 2"
                + " when 5 then 3 when 6 then 5 end";
        int digits = (int) Math.ceil(Math.log10(Math.max(10, count)));
        Timestamp t = Timestamp.from(start);
        jdbc.update("""
                insert into contact (channel, provider, external_id, queue, status, outcome, agent, arrived_at,
                    queued_at, answered_at, ended_at, rings_to_answer, ring_period_ms, offer_count, subject)
                select 'VOICE', 'seed', concat(?, '-', n), if(n %% 2 = 0, ?, ?), 'ENDED', %2$s,
                    if(n %% 10 <= 6, if(n %% 2 = 0, ?, ?), null),
                    ? + interval n * %5$d second, ? + interval n * %5$d second,
                    if(n %% 10 <= 6, ? + interval n * %5$d + (%1$s) second, null),
                    ? + interval n * %5$d + (%1$s) + if(n %% 10 <= 6, if(n %% 2 = 0, 60, 180), 0) second,
                    if(n %% 10 <= 6, %3$s, null), 5000, 0, null
                from %4$s seq
                where n < ?""".formatted(wait, outcome, rings, sequence(digits), spacingSeconds),
                run, queueA, queueB, agentA, agentB, t, t, t, t, count);
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
    }

    /**
     * {@code count} tickets opened every 30 minutes from {@code start}, numbered {@code T<run>-<n>}. By n: n mod 4 =
     * 0, 1 complaint, 2 repair, 3 inquiry; complaints with n mod 20 = 1 still open (ANALYSED), all others closed a day
     * after opening; complaints with n mod 40 = 0 were reopened once; every complaint's 2 h response clock stopped
     * after 1 h, or after 3 h (late) when n mod 40 = 4; repairs with n mod 20 = 6 repeat the repair of ticket n − 4.
     */
    public static void tickets(JdbcTemplate jdbc, String run, int count, Instant start) {
        int digits = (int) Math.ceil(Math.log10(Math.max(10, count)));
        Timestamp t = Timestamp.from(start);
        jdbc.update("""
                insert into ticket (number, type, status, severity, created_by, opened_at, registered_at, closed_at,
                    reopen_count, escalated, repeat_repair_of, version)
                select concat('T', ?, '-', n),
                    case n %% 4 when 0 then 'COMPLAINT' when 1 then 'COMPLAINT' when 2 then 'REPAIR' else 'INQUIRY' end,
                    if(n %% 20 = 1, 'ANALYSED', 'CLOSED'), 'MINOR', 'seed',
                    ? + interval n * 30 minute, ? + interval n * 30 minute,
                    if(n %% 20 = 1, null, ? + interval n * 30 minute + interval 1 day),
                    if(n %% 40 = 0, 1, 0), false, if(n %% 20 = 6, concat('T', ?, '-', n - 4), null), 0
                from %s seq where n < ?""".formatted(sequence(digits)), run, t, t, t, run, count);
        jdbc.update("""
                insert into ticket_deadline (ticket_id, kind, started_at, near_at, due_at, stopped_at)
                select id, 'RESPONSE', opened_at, opened_at + interval 96 minute, opened_at + interval 2 hour,
                    opened_at + interval if(cast(substring_index(number, '-', -1) as unsigned) % 40 = 4, 3, 1) hour
                from ticket where number like concat('T', ?, '-%') and type = 'COMPLAINT'""", run);
    }

    /** Units shipped: {@code quantities[i]} on {@code days[i]}, one product each, for one new customer. */
    public static void shipments(JdbcTemplate jdbc, String run, java.time.LocalDate[] days, int[] quantities) {
        jdbc.update("""
                insert into customer (name, tier, created_at, updated_at) values (?, 'REGULAR', now(6), now(6))""",
                "seed " + run);
        Long customer = jdbc.queryForObject("select max(id) from customer where name = ?", Long.class, "seed " + run);
        for (int i = 0; i < days.length; i++) {
            jdbc.update("""
                    insert into customer_product (customer_id, model, serial_number, ship_date, sales_channel, quantity,
                        created_at, updated_at) values (?, 'M-1', ?, ?, 'DIRECT', ?, now(6), now(6))""",
                    customer, "S" + run + "-" + i, java.sql.Date.valueOf(days[i]), quantities[i]);
        }
    }
}
