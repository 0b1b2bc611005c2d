package dev.hotline;

import dev.hotline.console.ConsoleFixture;
import dev.hotline.console.StompTestClient;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.DomainException;
import dev.hotline.telephony.twilio.FakeTwilioApi;
import dev.hotline.telephony.twilio.SignedWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static dev.hotline.console.StompTestClient.CONTACTS;
import static dev.hotline.console.StompTestClient.ERRORS;
import static dev.hotline.console.StompTestClient.MESSAGES;
import static dev.hotline.console.StompTestClient.OFFERS;
import static dev.hotline.console.StompTestClient.STATE;

/**
 * The whole application on a real port with the Twilio adapter on: webhooks over HTTP, signed as Twilio signs them,
 * Twilio's REST API played by {@link FakeTwilioApi}, agents on real STOMP sessions. The hotline number's queue gets a
 * skill of its own in every test, so contacts and agents of other tests (same database and Redis) never meet ours.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hotline.twilio.account-sid=" + SignedWebhooks.ACCOUNT_SID,
        "hotline.twilio.auth-token=" + SignedWebhooks.AUTH_TOKEN,
        "hotline.twilio.public-base-url=" + SignedWebhooks.PUBLIC_BASE_URL,
        "hotline.twilio.numbers[" + SystemTestSupport.HOTLINE_NUMBER + "]=" + SystemTestSupport.QUEUE,
        "hotline.routing.key-prefix=hotline:system-test:"})
@Import(ConsoleFixture.class)
abstract class SystemTestSupport {

    static final String HOTLINE_NUMBER = "+8675586003000";
    static final String QUEUE = "system-hotline";

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    ContactIntake contacts;
    @Autowired
    dev.hotline.routing.ContactRouting live;
    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration routing;

    final FakeTwilioApi twilio = FakeTwilioApi.INSTANCE;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String customer = "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    final HttpClient http = HttpClient.newHttpClient();
    private final List<String> agents = new ArrayList<>();
    private String skill;

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry registry) {
        registry.add("hotline.twilio.api-base-url", FakeTwilioApi.INSTANCE::baseUrl);
    }

    @BeforeEach
    void onlyThisTestsAgentsServeTheHotline() {
        skill = "system-" + run;
        QueueSettings d = routing.queueDefaults(QUEUE);
        routing.saveQueue(new QueueSettings(QUEUE, Map.of(skill, 1), d.strategy(), d.ringNoAnswer(), d.ringPeriod(),
                d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall()));
    }

    /** Ends what a failed test left open and logs its agents out, so the next test starts clean. */
    @AfterEach
    void hangUpAndLogOut() {
        for (ContactStatus status : new ContactStatus[] {ContactStatus.WAITING, ContactStatus.OFFERED, ContactStatus.CONNECTED}) {
            contacts.search(status, QUEUE, null, null, null, PageRequest.of(0, 100))
                    .forEach(c -> quietly(() -> live.callerHungUp(c.id(), null)));
        }
        agents.forEach(agent -> quietly(() -> presence.logout(agent)));
    }

    /** An agent of the hotline queue with a Twilio Client identity (the browser softphone Twilio rings). */
    String agent(String name) {
        String agent = name + "-" + run;
        fixture.user(agent, "AGENT");
        routing.saveAgent(new AgentProfile(agent, name, Map.of(skill, 1), null, null, "softphone-" + agent, 1, 3, 0));
        agents.add(agent);
        return agent;
    }

    /** The agent's console, logged in and AVAILABLE, subscribed to all of its queues. */
    StompTestClient availableConsole(String agent) throws Exception {
        var console = StompTestClient.connect(port, agent, ConsoleFixture.PASSWORD)
                .subscribe(ERRORS).subscribe(OFFERS).subscribe(CONTACTS).subscribe(MESSAGES).subscribe(STATE);
        console.next(STATE, "resume");
        console.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
        console.next(STATE, "state");
        return console;
    }

    /** A webhook posted to the app over HTTP as Twilio posts it (signed unless {@code signed} is false). */
    HttpResponse<String> twilioPosts(String pathAndQuery, Map<String, String> params, boolean signed) throws Exception {
        return http.send(SignedWebhooks.overHttp("http://localhost:" + port, pathAndQuery, params, signed),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void quietly(Runnable action) {
        try {
            action.run();
        } catch (DomainException ignored) {
            // done by the test itself
        }
    }
}
