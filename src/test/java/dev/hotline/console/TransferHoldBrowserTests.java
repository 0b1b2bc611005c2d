package dev.hotline.console;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.Channel;
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
 * Hold/resume and blind transfer from the agent console in headless Chromium (buttons, Alt+H, the transfer picker,
 * zh-CN), and the calls on hold on the supervisor's wallboard. The calls come in through the API (answered on accept),
 * so these test the console and routing end to end; the telephony adapters have their own wire-level tests.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:stomp-test:")
@Import(ConsoleFixture.class)
class TransferHoldBrowserTests {

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
    void anAgentHoldsAndResumesWithTheButtonAndAltH() {
        String queue = "hold-web-" + run;
        fixture.queue(queue);
        String agent = "hold-ann-" + run;
        fixture.agent(agent, queue);
        var contact = connectedInTheConsole(agent, queue);
        By hold = By.id("hold-" + contact);

        browser.findElement(hold).click();
        wait.until(ExpectedConditions.textToBe(hold, "Resume"));
        assertThat(browser.findElement(By.id("held-" + contact)).isDisplayed()).isTrue();
        assertThat(browser.findElement(hold).getAttribute("aria-pressed")).isEqualTo("true");

        new Actions(browser).keyDown(Keys.ALT).sendKeys("h").keyUp(Keys.ALT).perform();
        wait.until(ExpectedConditions.textToBe(hold, "Hold"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contacts.history(contact))
                .extracting(ContactHistoryView::action).containsSubsequence("HELD", "RESUMED"));

        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(hold, "保持"));
        assertThat(browser.findElement(By.id("transfer-" + contact)).getText()).isEqualTo("转接");
    }

    @Test
    void aReloadedConsoleStillShowsTheCallOnHold() {
        String queue = "hold-reload-" + run;
        fixture.queue(queue);
        String agent = "hold-rl-" + run;
        fixture.agent(agent, queue);
        var contact = connectedInTheConsole(agent, queue);
        By hold = By.id("hold-" + contact);
        browser.findElement(hold).click();
        wait.until(ExpectedConditions.textToBe(hold, "Resume"));

        browser.navigate().refresh();   // the page and its socket start again: only the resume tells of the hold

        wait.until(ExpectedConditions.textToBe(hold, "Resume"));
        assertThat(browser.findElement(By.id("held-" + contact)).isDisplayed()).isTrue();
        browser.findElement(hold).click();
        wait.until(ExpectedConditions.textToBe(hold, "Hold"));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contacts.history(contact))
                .extracting(ContactHistoryView::action).containsSubsequence("HELD", "RESUMED"));
        presence.finish(contact, agent, "held-reload");
        presence.changeState(agent, AgentState.OFFLINE, "test over");
    }

    @Test
    void anAgentTransfersACallToAnotherQueueWithThePicker() {
        String queue = "tr-web-" + run;
        String target = "tr-target-" + run;
        fixture.queue(queue);
        fixture.queue(target);
        String agent = "tr-ann-" + run;
        fixture.agent(agent, queue);
        String colleague = "tr-bob-" + run;
        fixture.agent(colleague, target);
        var contact = connectedInTheConsole(agent, queue);

        new Actions(browser).keyDown(Keys.ALT).sendKeys("t").keyUp(Keys.ALT).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("transfer-target-" + contact);
        // a push may redraw the active list meanwhile (the choice survives it): found again until it holds
        wait.until(d -> {
            var picker = new Select(d.findElement(By.id("transfer-target-" + contact)));
            picker.selectByValue("queue:" + target);
            return ("queue:" + target).equals(picker.getFirstSelectedOption().getAttribute("value"));
        });
        wait.until(d -> {
            d.findElement(By.id("transfer-" + contact)).click();
            return true;
        });

        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "WRAP_UP"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("hold-" + contact)));
        presence.login(colleague);
        await().atMost(Duration.ofSeconds(10)).until(() -> contact.equals(presence.status(colleague).pendingOffer()));
        presence.accept(contact, colleague);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var c = contacts.find(contact).orElseThrow();
            assertThat(c.queue()).isEqualTo(target);
            assertThat(c.agent()).isEqualTo(colleague);
        });
        presence.finish(contact, colleague, "transferred-in");
        presence.changeState(colleague, AgentState.OFFLINE, "test over");
    }

    @Test
    void theWallboardShowsCallsOnHoldAndTodaysHolds() {
        String queue = "hold-wall-" + run;
        fixture.queue(queue);
        String agent = "hold-wall-ann-" + run;
        fixture.agent(agent, queue);
        String supervisor = "hold-sup-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        presence.login(agent);
        var contact = live.arrive(new NewContact(Channel.VOICE, "api", "hold-wall-" + run, "+8613955000111", null,
                queue, null, null)).id();
        await().atMost(Duration.ofSeconds(10)).until(() -> contact.equals(presence.status(agent).pendingOffer()));
        presence.accept(contact, agent);
        chromium.logIn(port, supervisor, "/console/wallboard.html");

        live.hold(contact, agent, true);
        By row = By.cssSelector("#held-list tr[data-contact='" + contact + "']");
        wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        assertThat(browser.findElement(row).getText()).contains(agent).contains(queue);
        assertThat(Integer.parseInt(browser.findElement(By.id("held-count")).getText())).isPositive();

        live.hold(contact, agent, false);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(row));
        assertThat(browser.findElement(By.id("held-today")).getText()).matches("Holds today: [1-9]\\d* · Avg\\. hold: .+");
        presence.finish(contact, agent, "held-once");
        presence.changeState(agent, AgentState.OFFLINE, "test over");
    }

    /** The agent logs in to the console, goes available and accepts an API call (answered on accept). */
    private dev.hotline.shared.ContactId connectedInTheConsole(String agent, String queue) {
        chromium.logIn(port, agent, "/console/agent.html");
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
        browser.findElement(By.id("go-available")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
        var contact = live.arrive(new NewContact(Channel.VOICE, "api", "web-" + run, "+8613955" + String.format("%06d",
                (int) (Math.random() * 1_000_000)), null, queue, null, null)).id();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "BUSY"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hold-" + contact)));
        return contact;
    }
}
