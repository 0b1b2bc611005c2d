package dev.hotline.routing.web;

import dev.hotline.DebianMariaDb;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/contacts} while the database (an operator's MariaDB server) is killed: an arrival with an
 * externalId is accepted (202, kept in Redis), the same request again stays one arrival, and once the server is back
 * the arrival is recorded once, with the time it was first sent, and the same request answers 200 with the contact.
 * One without an externalId cannot be kept idempotently and is refused 503 as before, and at once (no wait for a
 * pool connection) once the node knows the database is out.
 */
@ExtendWith(DebianMariaDb.class)
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:api-db-outage-test:")
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ContactArrivalDuringDatabaseOutageIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DebianMariaDb.url("mariadb"));
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactIntake contacts;

    @Test
    void anArrivalWhileTheDatabaseIsOutIsAcceptedAndRecordedOnceWhenItIsBack() throws Exception {
        String externalId = "crm-" + System.nanoTime();
        mvc.perform(arrival("crm-before-" + System.nanoTime())).andExpect(status().isCreated());

        DebianMariaDb.kill();
        Instant sent = Instant.now();
        for (int attempt = 0; attempt < 2; attempt++) {   // the integrator retries: still one arrival
            long started = System.nanoTime();
            mvc.perform(arrival(externalId)).andExpect(status().isAccepted())
                    .andExpect(header().string("Retry-After", "2"))
                    .andExpect(jsonPath("$.externalId").value(externalId))
                    .andExpect(jsonPath("$.arrivedAt").exists());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("one connection wait, not two")
                    .isLessThan(Duration.ofSeconds(6));
        }
        mvc.perform(arrival(null)).andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("unavailable"));
        // once the pool is empty and the server refuses a direct connection, requests are refused without the 3 s wait
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            long started = System.nanoTime();
            mvc.perform(arrival(null)).andExpect(status().isServiceUnavailable());
            return Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofMillis(500)) < 0;
        });

        DebianMariaDb.restart();
        long back = System.nanoTime();
        ContactSnapshot recorded = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> contacts.findByExternalId("api", externalId).orElse(null), c -> c != null);
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        System.out.println("[outage] API arrival written " + recovery.toMillis() + " ms after the database was back");
        assertThat(recovery).as("written within 5 s of the database returning").isLessThan(Duration.ofSeconds(5));
        assertThat(recorded.status()).isIn(ContactStatus.WAITING, ContactStatus.OFFERED);
        assertThat(recorded.arrivedAt()).isBetween(sent.minusSeconds(1), sent.plusSeconds(10));
        assertThat(contacts.history(recorded.id())).filteredOn(h -> h.action().equals("ARRIVED")).hasSize(1);
        mvc.perform(arrival(externalId)).andExpect(status().isOk())
                .andExpect(jsonPath("$.id", org.hamcrest.Matchers.hasToString(Long.toString(recorded.id().value()))));
    }

    @Test
    void callersWhoHangUpWhileTheDatabaseIsOutAreAbandonedOnceItIsBack() throws Exception {
        String before = "crm-gone-before-" + System.nanoTime();   // recorded before the outage
        String during = "crm-gone-during-" + System.nanoTime();   // kept during it (202), no contact id known yet
        mvc.perform(arrival(before)).andExpect(status().isCreated());
        mvc.perform(hangUp("crm-unknown-" + System.nanoTime())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("not-found"));

        DebianMariaDb.kill();
        mvc.perform(arrival(during)).andExpect(status().isAccepted());
        mvc.perform(hangUp(during)).andExpect(status().isAccepted());
        mvc.perform(hangUp(before)).andExpect(status().isAccepted());

        DebianMariaDb.restart();
        for (String externalId : List.of(before, during)) {
            ContactSnapshot ended = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> contacts.findByExternalId("api", externalId).orElse(null),
                            c -> c != null && c.status() == ContactStatus.ENDED);
            assertThat(ended.outcome()).as(externalId).isEqualTo(ContactOutcome.ABANDONED);
            assertThat(contacts.history(ended.id())).extracting(h -> h.action()).containsOnlyOnce("ABANDONED");
        }
    }

    private static MockHttpServletRequestBuilder hangUp(String externalId) {
        return post("/api/contacts/external/" + externalId + "/hangup").with(user("sup.outage").roles("SUPERVISOR"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf());
    }

    private static MockHttpServletRequestBuilder arrival(String externalId) {
        String id = externalId == null ? "" : ",\"externalId\":\"" + externalId + "\"";
        return post("/api/contacts").with(user("sup.outage").roles("SUPERVISOR"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"channel\":\"VOICE\",\"from\":\"+8613800138021\",\"queue\":\"api-outage\"" + id + "}");
    }
}
