package dev.hotline.telephony.asterisk;

import dev.hotline.shared.infra.FreePort;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Asterisk refuses the AMI login: the app runs on, says why in /actuator/health, and keeps trying. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureTestRestTemplate
@DirtiesContext
class AmiLoginRefusedTests {

    static final AmiPeer pbx = startPeer();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        registry.add("hotline.asterisk.ami.host", () -> "127.0.0.1");
        registry.add("hotline.asterisk.ami.port", pbx::port);
        registry.add("hotline.asterisk.ami.username", () -> "hotline");
        registry.add("hotline.asterisk.ami.password", () -> "not-the-password");
        registry.add("hotline.asterisk.ami.retry-interval", () -> "200ms");
        registry.add("hotline.asterisk.agi.bind-address", () -> "127.0.0.1");
        registry.add("hotline.asterisk.agi.port", FreePort::find);
    }

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    /** Health details (the reason) are for admins only; anonymous callers see the statuses. */
    private TestRestTemplate admin() {
        String name = "ami-admin";
        if (jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, name) == 0) {
            jdbc.update("INSERT INTO app_user (username, password_hash, role, display_name, enabled, created_at) "
                    + "VALUES (?, ?, 'ADMIN', ?, TRUE, CURRENT_TIMESTAMP(6))", name, encoder.encode("ami-admin-pass"), name);
        }
        return anonymous.withBasicAuth(name, "ami-admin-pass");
    }

    @AfterAll
    static void stopPeer() throws IOException {
        pbx.close();
    }

    @Test
    void refusedLoginShowsAsteriskDownWithTheReasonAndKeepsRetrying() {
        var http = admin();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var response = http.getForEntity("/actuator/health", String.class);
            assertThat(response.getStatusCode().value()).isEqualTo(503);
            String body = response.getBody();
            assertThat(JsonPath.<String>read(body, "$.components.asterisk.status")).isEqualTo("DOWN");
            assertThat(JsonPath.<String>read(body, "$.components.asterisk.details.detail"))
                    .startsWith("login refused for user 'hotline'");
        });
        int attempts = pbx.actions("Login").size();
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Login").size() > attempts);
        String body = http.getForEntity("/actuator/health", String.class).getBody();
        assertThat(JsonPath.<String>read(body, "$.components.db.status")).isEqualTo("UP");
        String seenByAnyone = anonymous.getForEntity("/actuator/health", String.class).getBody();
        assertThat(JsonPath.<String>read(seenByAnyone, "$.components.asterisk.status")).isEqualTo("DOWN");
        assertThat(seenByAnyone).doesNotContain("details").doesNotContain("login refused");
    }

    private static AmiPeer startPeer() {
        try {
            return new AmiPeer("hotline", "the-password");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
