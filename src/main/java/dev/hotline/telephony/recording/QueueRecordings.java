package dev.hotline.telephony.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which queues record their calls (off unless switched on). Read on every arrival and answer, so kept in memory and
 * reloaded every {@code hotline.recording.settings-refresh}; a change made on this node is seen here at once.
 */
@Component
public class QueueRecordings {

    private static final Logger log = LoggerFactory.getLogger(QueueRecordings.class);

    private final JdbcClient jdbc;
    private final String defaultQueue;
    private volatile Map<String, Boolean> recording;

    QueueRecordings(JdbcClient jdbc, @Value("${hotline.routing.default-queue}") String defaultQueue) {
        this.jdbc = jdbc;
        this.defaultQueue = defaultQueue;
    }

    /** Whether calls of the queue are recorded; no queue named means the default queue, as routing does. */
    public boolean records(String queue) {
        Map<String, Boolean> now = recording;
        if (now == null) {
            now = reload();
        }
        if (now == null) {
            return false;   // never read, database out: a Twilio arrival is still answered (without the notice)
        }
        return now.getOrDefault(queue == null || queue.isBlank() ? defaultQueue : queue, false);
    }

    void set(String queue, boolean on, String by) {
        jdbc.sql("insert into queue_recording (queue_name, recording, updated_by, updated_at) values (?, ?, ?, ?) "
                        + "on duplicate key update recording = values(recording), updated_by = values(updated_by), "
                        + "updated_at = values(updated_at)")
                .params(queue, on, by, Timestamp.from(Instant.now())).update();
        reload();
    }

    @Scheduled(fixedDelayString = "${hotline.recording.settings-refresh:5s}",
            initialDelayString = "${hotline.recording.settings-refresh:5s}")
    Map<String, Boolean> reload() {
        try {
            Map<String, Boolean> loaded = jdbc.sql("select queue_name, recording from queue_recording")
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2))).list().stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
            recording = loaded;
            return loaded;
        } catch (DataAccessException databaseOut) {
            // the switches last read stay in force; the database's health says it is out
            log.debug("Queue recording switches not reloaded: {}", databaseOut.getMessage());
            return recording;
        }
    }
}
