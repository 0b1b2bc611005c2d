package dev.hotline.servicelevel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Occupancy per agent and interval from the agent state journal: seconds with a contact (RESERVED, BUSY, WRAP_UP) over
 * seconds staffed (any state but OFFLINE and BREAK), each state lasting until the agent's next change.
 */
final class AgentOccupancy {

    private static final Set<String> WORKING = Set.of("RESERVED", "BUSY", "WRAP_UP");
    private static final Set<String> NOT_STAFFED = Set.of("OFFLINE", "BREAK");

    private final JdbcTemplate jdbc;
    private final ZoneOffset offset;
    private final Granularity granularity;
    private final Map<String, double[]> seconds = new HashMap<>();

    AgentOccupancy(JdbcTemplate jdbc, ZoneOffset offset, Granularity granularity) {
        this.jdbc = jdbc;
        this.offset = offset;
        this.granularity = granularity;
    }

    /** Occupancy percent keyed by interval label + "\n" + agent. */
    Map<String, Double> between(Instant from, Instant to) {
        // each agent's state when the period began, then every change in it
        var state = new HashMap<String, String>();
        var since = new HashMap<String, Instant>();
        jdbc.query("""
                select h.agent, h.to_state from agent_state_history h
                join (select agent, max(id) as id from agent_state_history where at < ? group by agent) last
                    on last.id = h.id""", rs -> {
            state.put(rs.getString(1), rs.getString(2));
            since.put(rs.getString(1), from);
        }, Timestamp.from(from));
        jdbc.query("select agent, to_state, at from agent_state_history where at >= ? and at < ? order by agent, at, id",
                rs -> {
                    String agent = rs.getString(1);
                    Instant at = rs.getTimestamp(3).toInstant();
                    if (state.containsKey(agent)) {
                        add(agent, state.get(agent), since.get(agent), at);
                    }
                    state.put(agent, rs.getString(2));
                    since.put(agent, at);
                }, Timestamp.from(from), Timestamp.from(to));
        state.forEach((agent, s) -> add(agent, s, since.get(agent), to));
        var occupancy = new HashMap<String, Double>();
        seconds.forEach((key, v) -> occupancy.put(key, FiguresTally.percent(v[0], v[1])));
        return occupancy;
    }

    /** Adds one stretch in {@code state}, cut at interval boundaries. */
    private void add(String agent, String state, Instant start, Instant end) {
        if (NOT_STAFFED.contains(state) || !start.isBefore(end)) {
            return;
        }
        LocalDateTime t = LocalDateTime.ofInstant(start, offset);
        LocalDateTime stop = LocalDateTime.ofInstant(end, offset);
        while (t.isBefore(stop)) {
            LocalDateTime boundary = granularity.next(granularity.floor(t));
            LocalDateTime until = boundary.isBefore(stop) ? boundary : stop;
            double s = java.time.Duration.between(t, until).toNanos() / 1e9;
            var v = seconds.computeIfAbsent(granularity.label(t) + "\n" + agent, k -> new double[2]);
            v[1] += s;
            if (WORKING.contains(state)) {
                v[0] += s;
            }
            t = until;
        }
    }
}
