package dev.hotline.console;

import dev.hotline.contact.ContactDirection;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.followup.FollowupActor;
import dev.hotline.followup.Visits;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.RoutingAdministration;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Click-to-call from the agent's Follow-up panel in headless Chromium: the Call button places a real Twilio call
 * (REST fake), and the panel follows it through Twilio's signed callbacks, sent over HTTP to the running app.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hotline.routing.key-prefix=hotline:c2c-test:",
        "hotline.twilio.account-sid=" + SignedWebhooks.ACCOUNT_SID,
        "hotline.twilio.auth-token=" + SignedWebhooks.AUTH_TOKEN,
        "hotline.twilio.public-base-url=" + SignedWebhooks.PUBLIC_BASE_URL,
        "hotline.twilio.outbound.caller-id=+8675586009000"})
@Import(ConsoleFixture.class)
class ClickToCallBrowserTests {

    @DynamicPropertySource
    static void twilioApi(DynamicPropertyRegistry registry) {
        registry.add("hotline.twilio.api-base-url", FakeTwilioApi.INSTANCE::baseUrl);
    }

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    Visits visits;
    @Autowired
    RoutingAdministration routing;
    @Autowired
    AgentPresence presence;
    @Autowired
    ContactIntake contacts;
    @Autowired
    JdbcTemplate jdbc;

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
    void theAgentCallsTheCustomerOfAVisitFromThePanelAndFollowsTheCallToItsEnd() throws Exception {
        String agent = "c2c-" + run;
        String agentPhone = "+86136" + String.format("%08d", Math.abs(run.hashCode()) % 100_000_000);
        fixture.user(agent, "AGENT");
        routing.saveAgent(new AgentProfile(agent, agent, Map.of("c2c-only-" + run, 1), null, agentPhone, null, 1, 3, 0));
        presence.login(agent);
        String customerPhone = "+86135" + String.format("%08d", Math.abs(agent.hashCode()) % 100_000_000);
        long customer = customer(customerPhone);
        var task = visits.plan(customer, null, LocalDate.now(ZoneId.of("Asia/Shanghai")), agent, "回访电话",
                new FollowupActor("sup", true));

        chromium.logIn(port, agent, "/console/followup.html");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.attributeToBe(By.id("call"), "textContent", "呼叫客户"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        var item = By.xpath("//ul[@id='due']//button[contains(., 'Customer " + customer + "')]");
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("task-panel"), "data-task", String.valueOf(task.id())));
        assertThat(browser.findElement(By.id("call")).getText()).isEqualTo("Call the customer");

        browser.findElement(By.id("call")).click();

        wait.until(ExpectedConditions.attributeToBe(By.id("call-status"), "data-state", "RINGING"));
        assertThat(browser.findElement(By.id("call-status")).getText()).startsWith("Ringing your phone, then " + customerPhone);
        var created = FakeTwilioApi.INSTANCE.await(r -> r.path().endsWith("/Calls.json") && agentPhone.equals(r.field("To")));
        assertThat(created.field("From")).isEqualTo("+8675586009000");
        assertThat(created.field("Twiml")).contains(customerPhone);
        var id = new ContactId(Long.parseLong(browser.findElement(By.id("call-status")).getAttribute("data-contact")));
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.BUSY);

        String query = "?contact=" + id + "&agent=" + agent;
        callback("/twilio/voice/outbound/customer" + query, "in-progress");
        wait.until(ExpectedConditions.attributeToBe(By.id("call-status"), "data-state", "CONNECTED"));
        assertThat(browser.findElement(By.id("call-status")).getText()).isEqualTo("Connected to " + customerPhone);
        callback("/twilio/voice/outbound/agent" + query, "completed");
        wait.until(ExpectedConditions.attributeToBe(By.id("call-status"), "data-state", "ENDED"));

        var contact = contacts.find(id).orElseThrow();
        assertThat(contact.direction()).isEqualTo(ContactDirection.OUTBOUND);
        assertThat(contact.outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(contact.customerId()).isEqualTo(customer);
        presence.finish(id, agent, "visited by phone");
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

    private long customer(String phone) {
        return dev.hotline.ArchiveRows.customerWithPhone(jdbc, "回电客户 " + run, phone);
    }
}
