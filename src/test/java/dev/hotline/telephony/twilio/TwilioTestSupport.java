package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.DomainException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.domain.PageRequest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

/**
 * One application context for the Twilio tests: the adapter on, signed for {@link SignedWebhooks#PUBLIC_BASE_URL},
 * REST calls to {@link FakeTwilioApi}. Test numbers go to a queue whose skill no agent has, so their contacts wait
 * and never disturb other tests' agents (the database and Redis are shared by the whole JVM).
 */
@SpringBootTest(properties = {
        "hotline.twilio.account-sid=" + SignedWebhooks.ACCOUNT_SID,
        "hotline.twilio.auth-token=" + SignedWebhooks.AUTH_TOKEN,
        "hotline.twilio.public-base-url=" + SignedWebhooks.PUBLIC_BASE_URL,
        "hotline.twilio.numbers[+8675586001000]=" + TwilioTestSupport.WAITING_QUEUE,
        "hotline.twilio.numbers[+8675586002000]=" + TwilioTestSupport.AGENT_QUEUE,
        "hotline.twilio.max-form-bytes=32768",
        "hotline.recording.directory=${java.io.tmpdir}/hotline-twilio-tests-recordings"})
@AutoConfigureMockMvc
abstract class TwilioTestSupport {

    static final String WAITING_NUMBER = "+8675586001000";
    static final String WAITING_QUEUE = "twilio-waiting";
    static final String AGENT_NUMBER = "+8675586002000";
    static final String AGENT_QUEUE = "twilio-agents";

    @Autowired
    MockMvc mvc;
    @Autowired
    ContactIntake contacts;
    @Autowired
    dev.hotline.routing.ContactRouting routing;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    AgentPresence presence;

    /** The test's agent, if it has one: logged out after the test. */
    String agent;

    final FakeTwilioApi twilio = FakeTwilioApi.INSTANCE;

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry registry) {
        registry.add("hotline.twilio.api-base-url", FakeTwilioApi.INSTANCE::baseUrl);
    }

    @BeforeEach
    void waitingQueueNobodyServes() {
        queue(WAITING_QUEUE, Map.of("twilio-nobody-has-this", 5));
    }

    /**
     * Ends what the test left open: routing keeps waiting contacts and a logged-in agent's queue memberships, so
     * leftovers would be offered to, or taken by, the next test's agent.
     */
    @AfterEach
    void hangUpAndLogOut() {
        for (String queue : new String[] {WAITING_QUEUE, AGENT_QUEUE}) {
            for (ContactStatus status : new ContactStatus[] {ContactStatus.WAITING, ContactStatus.OFFERED, ContactStatus.CONNECTED}) {
                contacts.search(status, queue, null, null, null, PageRequest.of(0, 500))
                        .forEach(c -> quietly(() -> routing.callerHungUp(c.id(), null)));
            }
        }
        if (agent != null) {
            retire(presence, agent);
        }
    }

    QueueSettings queue(String name, Map<String, Integer> skills) {
        QueueSettings d = administration.queueDefaults(name);
        return administration.saveQueue(new QueueSettings(name, skills, d.strategy(), d.ringNoAnswer(), d.ringPeriod(),
                d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall()));
    }

    /**
     * Logs a test's agent out: routing keeps a logged-in agent's queue memberships, so a leftover agent would take the
     * next test's offers.
     */
    void retire(AgentPresence presence, String agent) {
        var status = presence.status(agent);
        if (status.pendingOffer() != null) {
            quietly(() -> presence.reject(status.pendingOffer(), agent));
        }
        status.activeContacts().forEach(contact -> quietly(() -> presence.finish(contact, agent, "test-over")));
        quietly(() -> presence.logout(agent));
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (DomainException ignored) {
            // already done by the test itself
        }
    }

    ContactSnapshot contactOfCall(String callSid) {
        return contacts.findByExternalId("twilio", callSid).orElseThrow();
    }

    /** The call's record once it shows {@code status}: the record follows routing's journal a moment behind. */
    ContactSnapshot recorded(String callSid, ContactStatus status) {
        return recorded(contactOfCall(callSid).id(), status);
    }

    /** The contact's record once it shows {@code status}. */
    ContactSnapshot recorded(dev.hotline.shared.ContactId id, ContactStatus status) {
        return dev.hotline.Records.awaitRecorded(contacts, id, status);
    }
}
