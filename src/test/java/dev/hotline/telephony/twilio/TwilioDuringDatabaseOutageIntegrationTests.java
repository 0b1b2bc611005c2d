package dev.hotline.telephony.twilio;

import dev.hotline.DebianMariaDb;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;

import static dev.hotline.telephony.twilio.SignedWebhooks.callStatus;
import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The database (an operator's MariaDB server) killed while calls arrive: Twilio's webhook still gets ringback well
 * within its 15 s timeout, the arrival (sent twice, as Twilio retries) is written once, with the time the call began,
 * when the database is back, and the pool is back within seconds of the server.
 */
@ExtendWith(DebianMariaDb.class)
@SpringBootTest(properties = {
        "hotline.twilio.account-sid=" + SignedWebhooks.ACCOUNT_SID,
        "hotline.twilio.auth-token=" + SignedWebhooks.AUTH_TOKEN,
        "hotline.twilio.public-base-url=" + SignedWebhooks.PUBLIC_BASE_URL,
        "hotline.twilio.numbers[+8675586001000]=twilio-outage",
                "hotline.routing.key-prefix=hotline:db-outage-test:"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TwilioDuringDatabaseOutageIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DebianMariaDb.url("mariadb"));
        registry.add("spring.datasource.username", () -> "root");
        registry.add("spring.datasource.password", () -> "");
        registry.add("hotline.twilio.api-base-url", FakeTwilioApi.INSTANCE::baseUrl);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactIntake contacts;

    @Test
    void aCallArrivingWhileTheDatabaseIsOutHearsRingbackAndIsRecordedOnceWhenItIsBack() throws Exception {
        String before = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(before, "+8613800138001", "+8675586001000")))
                .andExpect(status().isOk());
        assertThat(contacts.findByExternalId("twilio", before)).isPresent();

        DebianMariaDb.kill();
        String during = randomSid("CA");
        Instant called = Instant.now();
        for (int attempt = 0; attempt < 2; attempt++) {   // Twilio retries a webhook: still one contact
            long started = System.nanoTime();
            mvc.perform(signed("/twilio/voice", incomingCall(during, "+8613800138002", "+8675586001000")))
                    .andExpect(status().isOk())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("/twilio/ringback.wav")));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered within Twilio's timeout")
                    .isLessThan(Duration.ofSeconds(10));
        }

        DebianMariaDb.restart();
        long back = System.nanoTime();
        ContactSnapshot recorded = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> contacts.findByExternalId("twilio", during).orElse(null), c -> c != null);
        Duration recovery = Duration.ofNanos(System.nanoTime() - back);
        System.out.println("[outage] arrival written " + recovery.toMillis() + " ms after the database was back");
        assertThat(recovery).as("written within 5 s of the database returning").isLessThan(Duration.ofSeconds(5));
        assertThat(recorded.status()).isIn(ContactStatus.WAITING, ContactStatus.OFFERED);
        assertThat(recorded.arrivedAt()).isBetween(called.minusSeconds(1), called.plusSeconds(10));
        assertThat(contacts.history(recorded.id())).filteredOn(h -> h.action().equals("ARRIVED")).hasSize(1);
    }

    /**
     * Callers who hang up while the database is out: one whose call is only a kept arrival, one recorded before the
     * outage (the record cannot say which contact the call is). Twilio sends a status callback once: both hang-ups
     * are kept and applied when the database is back; both calls end abandoned, at the time the caller hung up.
     */
    @Test
    void aHangUpDuringTheOutageEndsTheCallWhenTheDatabaseIsBack() throws Exception {
        String recordedBefore = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(recordedBefore, "+8613800138011", "+8675586001000")))
                .andExpect(status().isOk());
        DebianMariaDb.kill();
        String keptArrival = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(keptArrival, "+8613800138012", "+8675586001000")))
                .andExpect(status().isOk());
        Instant hungUp = Instant.now().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);   // after the arrival
        for (String sid : java.util.List.of(keptArrival, recordedBefore)) {
            mvc.perform(signed("/twilio/voice/status", callStatus(sid, "completed", 0, timestamp(hungUp), 1)))
                    .andExpect(status().is2xxSuccessful());
        }

        DebianMariaDb.restart();
        for (String sid : java.util.List.of(keptArrival, recordedBefore)) {
            ContactSnapshot ended = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> contacts.findByExternalId("twilio", sid).orElse(null),
                            c -> c != null && c.status() == ContactStatus.ENDED);
            assertThat(ended.outcome()).as(sid).isEqualTo(dev.hotline.contact.ContactOutcome.ABANDONED);
            assertThat(ended.endedAt()).as("ended when the caller hung up").isEqualTo(hungUp);
        }
    }
}
