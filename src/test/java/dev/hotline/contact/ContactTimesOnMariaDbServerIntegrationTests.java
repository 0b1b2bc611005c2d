package dev.hotline.contact;

import dev.hotline.DebianMariaDb;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The record on an operator's MariaDB server (Debian's 10.11, which announces {@code 5.5.5-10.11...}): ring, offer and
 * answer times keep their milliseconds, and Hibernate speaks MariaDB without the "no longer supported" warning.
 */
@ExtendWith({DebianMariaDb.class, OutputCaptureExtension.class})
@SpringBootTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ContactTimesOnMariaDbServerIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DebianMariaDb.url("mariadb"));
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    ContactIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void arrivalTimeKeepsItsMilliseconds() {
        Instant arrived = Instant.parse("2026-12-03T07:11:42.123Z");
        String sid = "CA" + UUID.randomUUID().toString().replace("-", "");
        var contact = intake.arrived(new NewContact(Channel.VOICE, "twilio", sid, "0795-7369333", "+8640088888888",
                "hotline", arrived, null));

        String stored = jdbc.queryForObject("SELECT CAST(arrived_at AS CHAR) FROM contact WHERE id = ?", String.class,
                contact.id().value());
        assertThat(stored).isEqualTo("2026-12-03 07:11:42.123000");
        assertThat(intake.find(contact.id()).orElseThrow().arrivedAt()).isEqualTo(arrived);
    }

    @Test
    void hibernateSpeaksMariaDbWithoutTheUnsupportedVersionWarning(CapturedOutput output) {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).contains("MariaDB");
        assertThat(output.getAll()).doesNotContain("HHH000511");
    }
}
