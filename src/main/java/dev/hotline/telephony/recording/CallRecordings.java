package dev.hotline.telephony.recording;

import dev.hotline.shared.ContactId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code call_recording} table: what was recorded of which contact, where its media is, until when it is kept.
 * Unique per source and external id, so every app node hearing the PBX and every retry of a Twilio callback records
 * a recording once; each update names the status it leaves, so a repeat changes nothing.
 */
@Component
public class CallRecordings {

    private final JdbcClient jdbc;
    private final RecordingProperties properties;

    CallRecordings(JdbcClient jdbc, RecordingProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A recording under way (MixMonitor started); false when another node or an earlier event already has it. */
    public boolean started(ContactId contact, RecordingSource source, String externalId, String location, Instant at) {
        return insert(contact, source, externalId, Recording.RECORDING, location, null, at, null);
    }

    /** A recording whose media is whole (Twilio's completed callback); false for a repeat. */
    public boolean completed(ContactId contact, RecordingSource source, String externalId, String location,
                             Integer durationSeconds, Instant startedAt, Instant endedAt) {
        return insert(contact, source, externalId, Recording.COMPLETED, location, durationSeconds, startedAt, endedAt);
    }

    /** The recording under way ended at {@code at} (MixMonitorStop, or the recorded channel hung up). */
    public void ended(RecordingSource source, String externalId, Instant at) {
        jdbc.sql("update call_recording set status = 'COMPLETED', ended_at = ?, "
                        + "duration_seconds = greatest(0, timestampdiff(SECOND, started_at, ?)) "
                        + "where source = ? and external_id = ? and status = 'RECORDING'")
                .params(Timestamp.from(at), Timestamp.from(at), source.name(), externalId).update();
    }

    /** The PBX would not record: the claim is withdrawn, so a later answer (another agent) may try again. */
    public void abandoned(RecordingSource source, String externalId) {
        jdbc.sql("delete from call_recording where source = ? and external_id = ? and status = 'RECORDING'")
                .params(source.name(), externalId).update();
    }

    public List<Recording> ofContact(ContactId contact) {
        return jdbc.sql("select * from call_recording where contact_id = ? order by started_at, id")
                .param(contact.value()).query(CallRecordings::row).list();
    }

    public Optional<Recording> find(long id) {
        return jdbc.sql("select * from call_recording where id = ?").param(id).query(CallRecordings::row).optional();
    }

    List<Recording> expired(Instant now, int limit) {
        return jdbc.sql("select * from call_recording where expires_at <= ? order by expires_at, id limit ?")
                .params(Timestamp.from(now), limit).query(CallRecordings::row).list();
    }

    void delete(long id) {
        jdbc.sql("delete from call_recording where id = ?").param(id).update();
    }

    /** The audit row of one listening. */
    void listened(Recording recording, String username, Instant at) {
        jdbc.sql("insert into call_recording_access (recording_id, contact_id, username, listened_at) values (?, ?, ?, ?)")
                .params(recording.id(), recording.contactId(), username, Timestamp.from(at)).update();
    }

    /** Who listened to the contact's recordings, newest first. */
    public List<Listening> listenings(ContactId contact) {
        return jdbc.sql("select * from call_recording_access where contact_id = ? order by listened_at desc, id desc")
                .param(contact.value())
                .query((rs, n) -> new Listening(rs.getLong("recording_id"), rs.getString("username"),
                        rs.getTimestamp("listened_at").toInstant()))
                .list();
    }

    public record Listening(long recordingId, String username, Instant at) {
    }

    private boolean insert(ContactId contact, RecordingSource source, String externalId, String status, String location,
                           Integer duration, Instant startedAt, Instant endedAt) {
        Instant now = Instant.now();
        try {
            jdbc.sql("insert into call_recording (contact_id, source, external_id, status, location, duration_seconds, "
                            + "started_at, ended_at, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(contact.value(), source.name(), externalId, status, location, duration,
                            Timestamp.from(startedAt), endedAt == null ? null : Timestamp.from(endedAt),
                            Timestamp.from(now), Timestamp.from(startedAt.plus(retention())))
                    .update();
            return true;
        } catch (DuplicateKeyException repeat) {
            return false;
        }
    }

    private Duration retention() {
        return properties.retention();
    }

    private static Recording row(ResultSet rs, int n) throws SQLException {
        int duration = rs.getInt("duration_seconds");
        return new Recording(rs.getLong("id"), rs.getLong("contact_id"), RecordingSource.valueOf(rs.getString("source")),
                rs.getString("external_id"), rs.getString("status"), rs.getString("location"),
                rs.wasNull() ? null : duration, instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("ended_at")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
