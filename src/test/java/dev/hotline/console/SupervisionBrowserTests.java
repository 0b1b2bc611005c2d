package dev.hotline.console;

import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.telephony.supervision.SupervisionLog;
import dev.hotline.telephony.supervision.SupervisionStatus;
import dev.hotline.telephony.twilio.FakeTwilioApi;
import dev.hotline.telephony.twilio.SignedWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Supervisor listen from the wallboard in headless Chromium: the agent's live Twilio call shows Listen / Whisper /
 * Barge; Listen rings the supervisor into the call's conference (REST fake) and the row and the supervision log
 * follow Twilio's signed callbacks, sent over HTTP to the running app. Same context as ClickToCallBrowserTests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hotline.routing.key-prefix=hotline:c2c-test:",
        "hotline.twilio.account-sid=" + SignedWebhooks.ACCOUNT_SID,
        "hotline.twilio.auth-token=" + SignedWebhooks.AUTH_TOKEN,
        "hotline.twilio.public-base-url=" + SignedWebhooks.PUBLIC_BASE_URL,
        "hotline.twilio.outbound.caller-id=+8675586009000"})
@Import(ConsoleFixture.class)
class SupervisionBrowserTests {

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry registry) {
        registry.add("hotline.twilio.api-base-url", FakeTwilioApi.INSTANCE::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    RoutingAdministration routing;
    @Autowired
    ContactRouting contacts;
    @Autowired
    AgentPresence presence;
    @Autowired
    SupervisionLog log;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    Chromium chromium;
    WebDriver browser;
    WebDriverWait wait;
    String agent;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = new Chromium();
        browser = chromium.browser;
        // the wallboard redraws its rows on every push: an element may be replaced between finding and reading it
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
        if (agent != null) {
            presence.status(agent).activeContacts().forEach(c -> contacts.callerHungUp(c, Instant.now()));
            presence.changeState(agent, AgentState.OFFLINE, "test over");
        }
    }

    @Test
    void aSupervisorListensToAnAgentsLiveCallFromTheWallboardAndSeesItLogged() throws Exception {
        String queue = "sup-q-" + run;
        fixture.queue(queue);
        agent = "sup-agent-" + run;
        fixture.user(agent, "AGENT");
        routing.saveAgent(new AgentProfile(agent, agent, Map.of(queue, 1), null, null, "soft-" + run, 1, 3, 0));
        presence.login(agent);
        String supervisor = "sup-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        String callSid = SignedWebhooks.randomSid("CA");
        ContactId id = contacts.arrive(new NewContact(Channel.VOICE, "twilio", callSid, "+8613700139999",
                "+8675586001000", queue, null, null)).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));
        presence.accept(id, agent);
        String agentLeg = SignedWebhooks.randomSid("CA");
        callback("/twilio/voice/status?contact=" + id + "&agent=" + agent, agentLeg, "in-progress", "outbound-dial");
        FakeTwilioApi.INSTANCE.answeredChild(callSid, agentLeg);

        chromium.logIn(port, supervisor, "/console/wallboard.html");
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        var listen = By.cssSelector("tr[data-agent='" + agent + "'] .supervise button[data-supervise='LISTEN']");
        wait.until(ExpectedConditions.textToBe(listen, "监听"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-agent='" + agent + "'] [data-supervise='BARGE']"),
                "强插"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(listen, "Listen"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector("tr[data-agent='" + agent + "'] [data-supervise='WHISPER']"),
                "Whisper"));

        browser.findElement(By.id("supervise-phone")).sendKeys("+8613912348888");
        wait.until(d -> {
            d.findElement(listen).click();
            return true;
        });

        var session = By.cssSelector("tr[data-agent='" + agent + "'] .supervise .session[data-mode='LISTEN']");
        wait.until(ExpectedConditions.attributeToBe(session, "data-status", "RINGING"));
        wait.until(ExpectedConditions.textToBe(session, supervisor + ": Listen (ringing the supervisor's phone)"));
        var participant = FakeTwilioApi.INSTANCE.await(r -> r.path().endsWith("/Participants.json")
                && "+8613912348888".equals(r.field("To")));
        assertThat(participant.field("Muted")).isEqualTo("true");
        long sessionId = Long.parseLong(wait.until(d -> d.findElement(session).getAttribute("data-session")));

        callback("/twilio/voice/supervision?session=" + sessionId, SignedWebhooks.randomSid("CA"), "in-progress",
                "outbound-api");
        wait.until(ExpectedConditions.attributeToBe(session, "data-status", "ACTIVE"));
        wait.until(ExpectedConditions.textToBe(session, supervisor + ": Listen (on the call)"));
        var logged = By.cssSelector("#supervision-log tr[data-session='" + sessionId + "']");
        wait.until(ExpectedConditions.attributeToBe(logged, "data-status", "ACTIVE"));
        String loggedText = wait.until(d -> d.findElement(logged).getText());
        assertThat(loggedText).contains(supervisor, agent, String.valueOf(id), "Listen");
        assertThat(log.find(sessionId).orElseThrow().status()).isEqualTo(SupervisionStatus.ACTIVE);
    }

    /** Twilio's signed status callback, over HTTP to the running app. */
    private void callback(String pathAndQuery, String callSid, String status, String direction) throws Exception {
        var params = new LinkedHashMap<>(SignedWebhooks.callStatus(callSid, status, 0,
                SignedWebhooks.timestamp(Instant.now()), 1));
        params.put("Direction", direction);
        var response = HttpClient.newHttpClient().send(SignedWebhooks.overHttp("http://localhost:" + port,
                pathAndQuery, params, true), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
    }
}
