package dev.hotline.telephony.supervision;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The audit log of supervision: one row per join, opened before the adapter is asked (so even a join the PBX refuses
 * is on record) and moved along by the adapter's events. Each update names the status it leaves, so a repeated or
 * late event (every app node hears the PBX) changes nothing.
 */
@Component
public class SupervisionLog {

    private final JdbcClient jdbc;

    SupervisionLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the log, as the console shows it. */
    public record Entry(long id, long contactId, String agent, String supervisor, SupervisionMode mode, String provider,
                        String supervisorPhone, SupervisionStatus status, String failure, Instant requestedAt,
                        Instant startedAt, Instant endedAt) {
    }

    long opened(long contactId, String agent, String supervisor, SupervisionMode mode, String provider, String phone) {
        var key = new GeneratedKeyHolder();
        jdbc.sql("insert into call_supervision (contact_id, agent, supervisor, mode, provider, supervisor_phone, status, "
                        + "requested_at) values (?, ?, ?, ?, ?, ?, 'RINGING', ?)")
                .params(contactId, agent, supervisor, mode.name(), provider, phone, Timestamp.from(Instant.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** The supervisor's phone answered and is on the call. */
    public void answered(long session, Instant at) {
        jdbc.sql("update call_supervision set status = 'ACTIVE', started_at = ? where id = ? and status = 'RINGING'")
                .params(Timestamp.from(at), session).update();
    }

    /** The supervisor's call is over: an active session ends, one that never started failed. */
    public void ended(long session, Instant at) {
        jdbc.sql("update call_supervision set status = 'ENDED', ended_at = ? where id = ? and status = 'ACTIVE'")
                .params(Timestamp.from(at), session).update();
        failed(session, "supervisor-hung-up", at);
    }

    /** The supervisor never got on the call (phone busy or unanswered, PBX refused). */
    public void failed(long session, String reason, Instant at) {
        jdbc.sql("update call_supervision set status = 'FAILED', failure = ?, ended_at = ? where id = ? "
                        + "and status = 'RINGING'")
                .params(reason, Timestamp.from(at), session).update();
    }

    /** Newest first; {@code contactId} null for every contact. */
    public List<Entry> recent(Long contactId, int limit) {
        return jdbc.sql("select * from call_supervision where (? is null or contact_id = ?) order by id desc limit ?")
                .params(contactId, contactId, limit).query(SupervisionLog::entry).list();
    }

    List<Entry> open() {
        return jdbc.sql("select * from call_supervision where status in ('RINGING', 'ACTIVE') order by id")
                .query(SupervisionLog::entry).list();
    }

    public java.util.Optional<Entry> find(long session) {
        return jdbc.sql("select * from call_supervision where id = ?").param(session).query(SupervisionLog::entry)
                .optional();
    }

    private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("agent"), rs.getString("supervisor"),
                SupervisionMode.valueOf(rs.getString("mode")), rs.getString("provider"),
                rs.getString("supervisor_phone"), SupervisionStatus.valueOf(rs.getString("status")),
                rs.getString("failure"), instant(rs.getTimestamp("requested_at")), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
