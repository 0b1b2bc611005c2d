package dev.hotline.console;

import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor's wallboard in the real Chromium (issue #17, found defect 6): an alert is kept and acknowledged
 * (who, when) across a reload, the waiting contact and the agents are listed, a supervisor forces an agent out from
 * the page, the chart has a time axis and its target line, and an agent who opens the page is told why it is empty.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:board-test:")
@Import(ConsoleFixture.class)
class WallboardBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    ContactRouting live;
    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration routing;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.assumeInstalled();
    }

    @Test
    void aKeptAlertIsAcknowledgedAcrossAReloadAndTheListsAndActionsWork() throws Exception {
        // nobody serves this queue: its contact waits and reaches the alert ring quickly
        String queue = "board-" + run;
        var d = routing.queueDefaults(queue);
        routing.saveQueue(new QueueSettings(queue, Map.of(queue, 1), d.strategy(), d.ringNoAnswer(),
                Duration.ofMillis(500), 2, 30, 40, d.zone(), d.onCall()));
        String agent = "board-agent-" + run;
        fixture.agent(agent, "board-other-" + run);
        presence.changeState(agent, AgentState.AVAILABLE, null);
        String supervisor = "board-sup-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        try (var chromium = new Chromium()) {
            var board = chromium.browser;
            chromium.logIn(port, supervisor, "/console/wallboard.html");
            var wait = new WebDriverWait(board, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
            wait.until(ExpectedConditions.attributeContains(By.id("link"), "class", "up"));
            var contact = live.arrive(new NewContact(Channel.VOICE, "api", "board-" + run,
                    AgentShiftBrowserTests.phone(), null, queue, null, null));
            String alert = "#alerts li[data-kind=ring]";
            wait.until(d2 -> d2.findElements(By.cssSelector(alert)).stream()
                    .anyMatch(li -> li.getText().contains("Contact " + contact.id().value() + " in " + queue)));
            // the waiting contact is listed with its queue and ring
            wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#waiting-list tr[data-contact='" + contact.id().value() + "']")));
            assertThat(board.findElement(By.cssSelector("#waiting-list tr[data-contact='" + contact.id().value() + "']"))
                    .getText()).contains(queue, "Phone");

            // acknowledged: who and when, and still so after a reload
            String mine = "//ul[@id='alerts']/li[contains(., 'Contact " + contact.id().value() + " in')]";
            board.findElement(By.xpath(mine + "//button")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(mine), "acknowledged by " + supervisor));
            board.navigate().refresh();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(mine), "acknowledged by " + supervisor));
            assertThat(board.findElements(By.xpath(mine + "//button"))).isEmpty();

            // the chart: hours along the bottom and the target line with its words
            assertThat(board.findElements(By.cssSelector("#chart text.hour"))).hasSize(13);
            assertThat(board.findElement(By.id("target-label")).getText()).contains("within 3 rings");

            // the agent's row, and a forced logout from the page
            String row = "#agent-list tr[data-agent='" + agent + "']";
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(row)));
            assertThat(board.findElement(By.cssSelector(row)).getText()).contains("Available");
            board.findElement(By.cssSelector(row + " button[data-action=OFFLINE]")).click();
            await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(agent).state() == AgentState.OFFLINE);

            // in Chinese, the kept alert too
            new Select(board.findElement(By.id("lang"))).selectByValue("zh-CN");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.xpath(
                    "//ul[@id='alerts']/li[contains(., '" + contact.id().value() + "')]"), "已由 " + supervisor));
            assertThat(board.findElement(By.id("target-label")).getText()).contains("3 声铃内接听");
            live.callerHungUp(contact.id(), Instant.now());
        }
    }

    @Test
    void anAgentWhoOpensTheWallboardIsToldItIsForSupervisors() throws Exception {
        String agent = "board-nosup-" + run;
        fixture.agent(agent, "board-q-" + run);
        try (var chromium = new Chromium()) {
            var page = chromium.browser;
            chromium.logIn(port, agent, "/console/wallboard.html");
            var wait = new WebDriverWait(page, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-for-you")));
            assertThat(page.findElement(By.id("not-for-you")).getText())
                    .contains("The wallboard is for supervisors", "Open the agent console");
            assertThat(page.findElement(By.id("tiles")).isDisplayed()).isFalse();
        }
    }
}
