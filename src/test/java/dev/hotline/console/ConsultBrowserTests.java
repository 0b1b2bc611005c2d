package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.CallConsultation;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consultative transfer from the agent console in headless Chromium: the consulting agent's Consult, Complete transfer
 * (Alt+K) and Return to caller, and the target's console ringing with the consult (the caller's screen pop) and
 * accepting it. One browser per test; the other agent acts through the routing API. The calls come in through the API
 * (answered on accept); the telephony adapters have their own wire-level tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:stomp-test:")
@Import(ConsoleFixture.class)
class ConsultBrowserTests {

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
    CallConsultation consultation;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    Chromium chromium;
    WebDriver browser;
    org.openqa.selenium.support.ui.FluentWait<WebDriver> wait;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = new Chromium();
        browser = chromium.browser;
        wait = new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void anAgentConsultsAColleagueAndCompletesTheTransferWithAltK() {
        String queue = "consult-web-" + run;
        fixture.queue(queue);
        String agent = "consult-ann-" + run;
        fixture.agent(agent, queue);
        String colleague = "consult-bob-" + run;
        fixture.queue("consult-other-" + run);
        fixture.agent(colleague, "consult-other-" + run);
        presence.login(colleague);
        var contact = connectedInTheConsole(agent, queue);

        var picker = browser.findElement(By.id("transfer-target-" + contact));
        picker.click();
        wait.until(d -> new Select(d.findElement(By.id("transfer-target-" + contact))).getOptions().stream()
                .anyMatch(o -> ("agent:" + colleague).equals(o.getAttribute("value"))));
        new Select(browser.findElement(By.id("transfer-target-" + contact))).selectByValue("agent:" + colleague);
        browser.findElement(By.id("consult-" + contact)).click();

        By status = By.id("consult-status-" + contact);
        wait.until(d -> !d.findElements(status).isEmpty() || !d.findElement(By.id("errors")).getText().isEmpty());
        assertThat(browser.findElement(By.id("errors")).getText()).isEmpty();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "ringing"));
        assertThat(browser.findElement(status).getText()).contains(colleague);
        assertThat(browser.findElement(By.id("consult-complete-" + contact)).isEnabled()).isFalse();
        assertThat(live.heldSince(contact)).isNotNull();

        consultation.accept(contact, colleague);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "talking"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("consult-complete-" + contact)));
        new Actions(browser).keyDown(Keys.ALT).sendKeys("k").keyUp(Keys.ALT).perform();

        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "WRAP_UP"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("hold-" + contact)));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(contacts.find(contact).orElseThrow().agent()).isEqualTo(colleague));
        assertThat(presence.status(colleague).activeContacts()).containsExactly(contact);
        presence.finish(contact, colleague, "consulted-in");
        presence.changeState(colleague, AgentState.OFFLINE, "test over");
    }

    @Test
    void theTargetsConsoleRingsWithTheConsultAndShowsItUntilTheCallerIsReturned() {
        String queue = "consult-ret-" + run;
        fixture.queue(queue);
        String first = "consult-cat-" + run;
        fixture.agent(first, queue);
        String target = "consult-dan-" + run;
        fixture.queue("consult-help-" + run);
        fixture.agent(target, "consult-help-" + run);
        chromium.logIn(port, target, "/console/agent.html");
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
        browser.findElement(By.id("go-available")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
        presence.login(first);
        var contact = live.arrive(new NewContact(Channel.VOICE, "api", "consult-ret-" + run, "+8613955000222", null,
                queue, null, null)).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> contact.equals(presence.status(first).pendingOffer()));
        presence.accept(contact, first);

        consultation.consult(contact, first, null, target);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
        assertThat(browser.findElement(By.id("offer-queue")).getText()).contains(first).contains("#" + contact);
        assertThat(browser.findElement(By.id("offer-from")).getText()).isEqualTo("+8613955000222");
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "BUSY"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("consult-box"), "talking"));
        assertThat(consultation.current(contact)).hasValueSatisfying(c -> assertThat(c.state()).isEqualTo("TALKING"));

        consultation.returnToCaller(contact, first);

        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("consult-box")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("errors"), "Consult with " + first + " over"));
        assertThat(presence.status(first).activeContacts()).containsExactly(contact);
        presence.finish(contact, first, "returned");
        presence.changeState(first, AgentState.OFFLINE, "test over");
    }

    /** The agent logs in to the console, goes available and accepts an API call (answered on accept). */
    private ContactId connectedInTheConsole(String agent, String queue) {
        chromium.logIn(port, agent, "/console/agent.html");
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
        browser.findElement(By.id("go-available")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
        var contact = live.arrive(new NewContact(Channel.VOICE, "api", "consult-web-" + run, "+8613955"
                + String.format("%06d", (int) (Math.random() * 1_000_000)), null, queue, null, null)).id();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "BUSY"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-" + contact)));
        return contact;
    }
}
