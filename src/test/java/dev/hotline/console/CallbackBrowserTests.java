package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.telephony.twilio.FakeTwilioApi;
import dev.hotline.telephony.twilio.SignedWebhooks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
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
 * Queued callback on the agent console in headless Chromium (zh-CN): the offer says it is a callback and to which
 * number, accepting it places the call-back through Twilio (REST fake: the agent's phone, then the number), and the
 * active contact shows the number until the customer's answer and hang-up, sent as Twilio's signed callbacks over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hotline.routing.key-prefix=hotline:callback-web-test:",
        "hotline.twilio.account-sid=" + SignedWebhooks.ACCOUNT_SID,
        "hotline.twilio.auth-token=" + SignedWebhooks.AUTH_TOKEN,
        "hotline.twilio.public-base-url=" + SignedWebhooks.PUBLIC_BASE_URL,
        "hotline.twilio.outbound.caller-id=+8675586009000"})
@Import(ConsoleFixture.class)
class CallbackBrowserTests {

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry registry) {
        registry.add("hotline.twilio.api-base-url", FakeTwilioApi.INSTANCE::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    ContactRouting live;
    @Autowired
    AgentPresence presence;
    @Autowired
    ContactIntake contacts;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    Chromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = new Chromium();
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theConsoleOffersTheCallbackWithItsNumberAndAcceptingPlacesTheCallBack() throws Exception {
        String queue = "cb-web-" + run;
        fixture.queue(queue);
        String agent = "cb-web-" + run;
        String agentPhone = "+86136" + String.format("%08d", Math.abs(run.hashCode()) % 100_000_000);
        fixture.user(agent, "AGENT");
        administration.saveAgent(new AgentProfile(agent, agent, Map.of(queue, 1), null, agentPhone, null, 1, 3, 0));
        String number = "+86139" + String.format("%08d", Math.abs(agent.hashCode()) % 100_000_000);
        ContactId id = live.arrive(new NewContact(Channel.VOICE, "twilio", SignedWebhooks.randomSid("CA"),
                "+8613800138000", "+8675586009000", queue, null, null)).id();
        live.requestCallback(id, number);

        chromium.logIn(port, agent, "/console/agent.html");
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
        browser.findElement(By.id("go-available")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-callback")));
        assertThat(browser.findElement(By.id("offer-title")).getText()).isEqualTo("客户请求回电");
        assertThat(browser.findElement(By.id("offer-callback-to")).getText()).isEqualTo("回电至 " + number);
        assertThat(browser.findElement(By.id("offer-callback")).getText()).contains("接受即立即回拨");

        browser.findElement(By.id("accept")).click();

        var created = FakeTwilioApi.INSTANCE.await(r -> r.path().endsWith("/Calls.json") && agentPhone.equals(r.field("To")));
        assertThat(created.field("Twiml")).contains(">" + number + "</Number>");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("active"), "回电至 " + number));
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.BUSY);

        String query = "?contact=" + id + "&agent=" + agent;
        callback("/twilio/voice/outbound/customer" + query, "in-progress");
        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.find(id).orElseThrow().answeredAt() != null);
        callback("/twilio/voice/outbound/agent" + query, "completed");
        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.find(id).orElseThrow().isFinal());
        assertThat(contacts.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED);
        presence.finish(id, agent, "called back");
        presence.changeState(agent, AgentState.OFFLINE, "test over");
    }

    /** Twilio's signed status callback, over HTTP to the running app. */
    private void callback(String pathAndQuery, String status) throws Exception {
        var params = new LinkedHashMap<>(SignedWebhooks.callStatus(SignedWebhooks.randomSid("CA"), status, 0,
                SignedWebhooks.timestamp(Instant.now()), 1));
        params.put("Direction", "outbound-api");
        var response = HttpClient.newHttpClient().send(SignedWebhooks.overHttp("http://localhost:" + port,
                pathAndQuery, params, true), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(204);
    }
}
