package dev.hotline.console;

import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.RoutingAdministration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/** Users, queues and agents with names unique to one test (the database and Redis are shared by all tests). */
@Component
public class ConsoleFixture {

    public static final String PASSWORD = "console-pass-1";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final RoutingAdministration routing;

    ConsoleFixture(JdbcTemplate jdbc, PasswordEncoder encoder, RoutingAdministration routing) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.routing = routing;
    }

    public void user(String username, String role) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, display_name, enabled, created_at) "
                + "VALUES (?, ?, ?, ?, TRUE, ?)", username, encoder.encode(PASSWORD), role, username,
                Timestamp.from(Instant.now()));
    }

    /** A queue whose only skill is its own name, so only this test's agents serve it. */
    public void queue(String name) {
        var d = routing.queueDefaults(name);
        routing.saveQueue(new dev.hotline.routing.QueueSettings(name, Map.of(name, 1), d.strategy(), d.ringNoAnswer(),
                d.ringPeriod(), d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall()));
    }

    public void agent(String username, String queue) {
        user(username, "AGENT");
        routing.saveAgent(new AgentProfile(username, username, Map.of(queue, 1), "PJSIP/" + username, null, null, 1, 3, 0));
    }
}
