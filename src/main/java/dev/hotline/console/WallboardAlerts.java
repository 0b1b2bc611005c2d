package dev.hotline.console;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The wallboard's alerts, kept: each is stored once (on the node that raised it) and then sent to every wallboard
 * with its {@code id}; acknowledging stores who and when and tells every wallboard. The alert itself is kept as the
 * JSON the wallboard renders, so a new alert kind needs no new column. Stored on a thread of its own: alerts are
 * raised on routing's timer thread, which must not wait for the database (a burst is bounded, the excess logged).
 */
@Component
class WallboardAlerts implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WallboardAlerts.class);
    static final int BACKLOG = 10_000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ConsoleRelay relay;
    private final Clock clock;
    private final int shown;
    private final ThreadPoolExecutor writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(BACKLOG), r -> {
                Thread t = new Thread(r, "wallboard-alerts");
                t.setDaemon(true);
                return t;
            }, (r, pool) -> log.warn("Wallboard alert dropped: {} alerts are waiting to be stored", BACKLOG));

    WallboardAlerts(JdbcClient jdbc, JsonMapper json, ConsoleRelay relay, ConsoleProperties properties,
                    org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.shown = properties.alertsShown();
    }

    /** Stores {@code alert} (a record with {@code kind} and {@code at}) and sends it to every wallboard, soon. */
    void raise(String kind, Instant at, Object alert) {
        writer.execute(() -> {
            try {
                store(kind, at, alert);
            } catch (RuntimeException e) {
                log.warn("Wallboard alert {} not stored or sent: {}", kind, e.toString());
            }
        });
    }

    private void store(String kind, Instant at, Object alert) {
        ObjectNode node = (ObjectNode) json.valueToTree(alert);
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO wallboard_alert (kind, payload, raised_at) VALUES (?, ?, ?)")
                .params(kind, json.writeValueAsString(node), Timestamp.from(at == null ? clock.instant() : at))
                .update(key);
        node.put("id", key.getKey().longValue());
        relay.toTopic(Destinations.ALERTS, node);
    }

    /** The newest alerts raised since {@code since}, newest first, acknowledged ones too (with who and when). */
    List<JsonNode> since(Instant since) {
        return jdbc.sql("SELECT id, payload, acknowledged_by, acknowledged_at FROM wallboard_alert "
                        + "WHERE raised_at >= ? ORDER BY raised_at DESC, id DESC LIMIT ?")
                .params(Timestamp.from(since), shown)
                .query((rs, n) -> {
                    ObjectNode node = (ObjectNode) json.readTree(rs.getString("payload"));
                    node.put("id", rs.getLong("id"));
                    Timestamp ackAt = rs.getTimestamp("acknowledged_at");
                    if (ackAt != null) {
                        node.put("acknowledgedBy", rs.getString("acknowledged_by"));
                        node.put("acknowledgedAt", ackAt.toInstant().toString());
                    }
                    return (JsonNode) node;
                }).list();
    }

    /** Acknowledged once: a second supervisor gets a conflict naming the first. */
    Acknowledged acknowledge(long id, String supervisor) {
        Instant now = clock.instant();
        int changed = jdbc.sql("UPDATE wallboard_alert SET acknowledged_by = ?, acknowledged_at = ? "
                        + "WHERE id = ? AND acknowledged_at IS NULL")
                .params(supervisor, Timestamp.from(now), id).update();
        if (changed == 0) {
            var by = jdbc.sql("SELECT acknowledged_by FROM wallboard_alert WHERE id = ?").param(id)
                    .query(String.class).optional();
            if (by.isEmpty()) {
                throw new NotFoundException("Alert", id);
            }
            throw new ConflictException("alert-acknowledged", "Alert " + id + " was acknowledged by " + by.get());
        }
        var ack = new Acknowledged("alert-acknowledged", id, supervisor, now);
        relay.toTopic(Destinations.ALERTS, ack);
        return ack;
    }

    @Override
    public void destroy() {
        writer.shutdown();
    }

    record Acknowledged(String type, long id, String acknowledgedBy, Instant acknowledgedAt) {
    }
}
