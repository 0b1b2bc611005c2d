package dev.hotline.console;

import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.telephony.recording.CallRecordings;
import dev.hotline.telephony.recording.RecordingSource;
import dev.hotline.telephony.recording.TestTone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent plays a call recording from the ticket in headless Chromium: the ticket of the contact in hand lists its
 * recordings with a player whose media comes from the app ({@code /api/recordings/{id}/audio}, Range), the player
 * loads and plays it, and the listening is in the audit log. In English and 中文.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hotline.routing.key-prefix=hotline:stomp-test:",
        "hotline.recording.directory=${java.io.tmpdir}/hotline-browser-recordings"})
@Import(ConsoleFixture.class)
class RecordingBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    dev.hotline.routing.ContactRouting live;
    @Autowired
    AgentPresence presence;
    @Autowired
    CallRecordings recordings;
    @Value("${hotline.recording.directory}")
    String directory;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    Chromium chromium;
    WebDriver browser;
    org.openqa.selenium.support.ui.FluentWait<WebDriver> wait;
    String agent;
    ContactId contact;

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
        if (contact != null) {
            presence.finish(contact, agent, "recording-test");
            presence.changeState(agent, AgentState.OFFLINE, "test over");
        }
    }

    @Test
    void theAgentPlaysTheCallsRecordingFromItsTicket() throws Exception {
        String queue = "rec-web-" + run;
        fixture.queue(queue);
        agent = "rec-ann-" + run;
        fixture.agent(agent, queue);
        chromium.logIn(port, agent, "/console/agent.html");
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
        browser.findElement(By.id("go-available")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
        contact = live.arrive(new NewContact(Channel.VOICE, "api", "rec-web-" + run, "+8613955" + String.format("%06d",
                (int) (Math.random() * 1_000_000)), null, queue, null, null)).id();
        // what the PBX left of this call: MixMonitor's file in the shared directory, linked to the contact
        String file = "hotline-" + contact.value() + ".wav";
        Files.createDirectories(Path.of(directory));
        Files.write(Path.of(directory, file), TestTone.wav());
        Instant started = Instant.now().minusSeconds(60);
        recordings.started(contact, RecordingSource.ASTERISK, file, file, started);
        recordings.ended(RecordingSource.ASTERISK, file, started.plusSeconds(1));
        long recording = recordings.ofContact(contact).get(0).id();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "BUSY"));

        By player = By.cssSelector("#ticket-recordings li[data-recording='" + recording + "'] audio");
        WebElement audio = wait.until(ExpectedConditions.presenceOfElementLocated(player));
        assertThat(audio.getAttribute("src")).endsWith("/api/recordings/" + recording + "/audio");
        var js = (JavascriptExecutor) browser;
        // the media loaded: one second of audio, as the WAV says
        wait.until(d -> ((Number) js.executeScript("return arguments[0].readyState", audio)).intValue() >= 1);
        assertThat(((Number) js.executeScript("return arguments[0].duration", audio)).doubleValue())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.05));
        Object played = ((JavascriptExecutor) browser).executeAsyncScript(
                "const a = arguments[0], done = arguments[1]; a.muted = true;"
                        + "a.play().then(() => done('playing')).catch(e => done(e.message));", audio);
        assertThat(played).isEqualTo("playing");
        wait.until(d -> ((Number) js.executeScript("return arguments[0].currentTime", audio)).doubleValue() > 0);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(recordings.listenings(contact)).extracting(CallRecordings.Listening::username).contains(agent));
        assertThat(browser.findElement(By.cssSelector("#ticket-recordings li")).getText()).contains("1 s");

        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#ticket h3:nth-of-type(2)"), "通话录音"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#ticket-recordings li"), "1 秒"));
    }
}
