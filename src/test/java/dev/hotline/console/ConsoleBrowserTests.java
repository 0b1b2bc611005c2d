package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser consoles in headless Chromium, logged in through the form login, against the whole application. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:stomp-test:")
@Import(ConsoleFixture.class)
class ConsoleBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ConsoleFixture fixture;

    @Autowired
    ContactIntake contacts;
    @Autowired
    dev.hotline.routing.ContactRouting live;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String queue = "web-" + run;
    Chromium chromium;
    WebDriver browser;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.assumeInstalled();
    }

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = new Chromium();
        browser = chromium.browser;
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void agentGoesAvailableAcceptsAnOfferAndSeesTheScreenPop() throws Exception {
        fixture.queue(queue);
        String agent = "web-ann-" + run;
        fixture.agent(agent, queue);
        String admin = "web-admin-" + run;
        fixture.user(admin, "ADMIN");
        String phone = "+86139" + String.format("%08d", (int) (Math.random() * 100_000_000));
        long customer = createCustomer(admin, "Jiangxi Pump Works " + run, phone);

        logIn(agent, "/console/agent.html");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
        browser.findElement(By.id("go-available")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));

        var contact = live.arrive(new NewContact(Channel.VOICE, "api", "web-" + run, phone, null, queue, null, null));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
        assertThat(browser.findElement(By.id("rings")).getText()).matches("Ring \\d+ — \\d+ ring\\(s\\) left");
        assertThat(browser.findElement(By.id("pop-customer")).getText()).contains("Jiangxi Pump Works " + run);
        assertThat(browser.findElement(By.id("pop-products")).getText()).contains("SN-" + run).contains("In warranty");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("accept");

        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "BUSY"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offer")));
        assertThat(browser.findElement(By.id("screenpop")).isDisplayed()).isTrue();
        var disposition = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("disposition-" + contact.id())));
        disposition.sendKeys("pump replaced", Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "WRAP_UP"));
        assertThat(customer).isPositive();
    }

    @Test
    void wallboardShowsTheWaitingCountChange() throws Exception {
        fixture.queue(queue);
        String supervisor = "web-sup-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        logIn(supervisor, "/console/wallboard.html");
        // tiles are re-rendered on every push
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        By waiting = By.cssSelector("section[data-queue='" + queue + "'] .waiting");
        wait.until(ExpectedConditions.textToBe(waiting, "0"));

        live.arrive(new NewContact(Channel.VOICE, "api", "wall-" + run, "+8613955" + String.format("%06d",
                (int) (Math.random() * 1_000_000)), null, queue, null, null));
        wait.until(ExpectedConditions.textToBe(waiting, "1"));

        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("alerts-title"), "告警"));
    }

    private void logIn(String user, String page) {
        chromium.logIn(port, user, page);
    }

    private long createCustomer(String admin, String name, String phone) throws Exception {
        var http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString((admin + ":" + ConsoleFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        var created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/customers"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"phones\":[\"" + phone
                        + "\"],\"tier\":\"KEY\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        long customerId = Long.parseLong(id.group(1));
        var product = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/customers/"
                        + customerId + "/products"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"XP-200\",\"serialNumber\":\"SN-" + run
                        + "\",\"shipDate\":\"" + java.time.LocalDate.now().minusMonths(2) + "\",\"salesChannel\":\"DIRECT\",\"quantity\":1}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(product.statusCode()).as(product.body()).isIn(200, 201);
        return customerId;
    }
}
