package dev.hotline.console;

import dev.hotline.SeededMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report page in headless Chromium: a manager picks a seeded month (July 2008, 2 400 contacts over 5 days),
 * sees the KPI scorecard, the service-level and volume charts (inline SVG) and the figures, in English and Chinese,
 * gets an escalation pushed and acknowledges it, generates the monthly report and downloads it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ConsoleFixture.class)
class ReportsBrowserTests {

    static final Instant JULY = Instant.parse("2008-06-30T16:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @Autowired
    dev.hotline.ticket.TicketManagement tickets;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    final String run = Long.toString(System.nanoTime(), 36);
    BrowserSession session;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.assumeInstalled();
    }

    @AfterEach
    void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aManagerSeesChartsAndFiguresOfAMonthInBothLanguagesAndDownloadsTheReport() throws Exception {
        String queueA = "bqa-" + run, queueB = "bqb-" + run;
        // one contact every 3 minutes: 480 a day for 5 days (see SeededMonth for the pattern)
        SeededMonth.contacts(jdbc, run, 2_400, JULY, 180, queueA, queueB, "baa-" + run, "bab-" + run);
        String manager = "boss-" + run;
        fixture.user(manager, "MANAGER");

        session = BrowserSession.start(port).logIn(manager, "/console/reports.html?month=2008-07");
        var browser = session.browser;
        var wait = session.waiting();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-loaded", "2008-07/DAY/QUEUE"));

        // five days, one bar each; every day both queues: (144 + 144) within 3 rings / (240 + 192) offered = 66.7 %
        var bars = browser.findElements(By.cssSelector("#sl-chart rect.bar"));
        assertThat(bars).hasSize(5);
        assertThat(bars).allSatisfy(bar -> assertThat(bar.getAttribute("data-value")).isEqualTo("66.7"));
        assertThat(browser.findElements(By.cssSelector("#volume-chart rect.bar.offered"))).hasSize(5);
        // queue A on the first day: 240 offered, 180 within 3 rings (60 %)
        var rowA = browser.findElements(By.cssSelector("#figures tbody tr")).stream()
                .filter(r -> r.getText().contains(queueA)).findFirst().orElseThrow();
        assertThat(rowA.findElement(By.cssSelector("td[data-column='interval']")).getText()).isEqualTo("2008-07-01");
        assertThat(rowA.findElement(By.cssSelector("td[data-column='offered']")).getText()).isEqualTo("240");
        assertThat(rowA.findElement(By.cssSelector("td[data-column='serviceLevelPercent']")).getText()).isEqualTo("60");
        assertThat(browser.findElements(By.cssSelector("#kpis tbody tr"))).hasSize(7);

        // an escalation raised while the page is open is pushed to it over STOMP, and acknowledged there
        jdbc.update("""
                insert into notification (event_key, recipient, rule, title, body, occurred_at, created_at)
                values (?, ?, 'MAJOR_INCIDENT', ?, 'b', now(6), now(6))""", "browser:" + run, manager, "重大投诉 " + run);
        long id = jdbc.queryForObject("select id from notification where event_key = ?", Long.class, "browser:" + run);
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(s ->
                events.publishEvent(new dev.hotline.notification.NotificationRaised(id, manager, "MAJOR_INCIDENT",
                        "重大投诉 " + run, "b", null, null, Instant.now())));
        var pushed = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#notifications li[data-notification='" + id + "']")));
        assertThat(pushed.getText()).contains("重大投诉 " + run);
        pushed.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#notifications li[data-notification='" + id + "']")));
        assertThat(jdbc.queryForObject("select acknowledged_at is not null from notification where id = ?",
                Boolean.class, id)).isTrue();

        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("header h1"), "统计报表"));
        wait.until(ExpectedConditions.textToBe(By.id("sl-title"), "服务水平（三声内接听）"));

        browser.findElement(By.id("generate")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#stored li[data-month='2008-07']")).isEmpty()
                || !d.findElement(By.id("problem")).getText().isEmpty());
        assertThat(browser.findElement(By.id("problem")).getText()).isEmpty();
        var link = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#stored li[data-month='2008-07'] a.download-csv")));
        // the download, fetched by the page with the manager's session
        Object csv = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.text()).then(done, e => done('failed ' + e));",
                link.getAttribute("href"));
        assertThat((String) csv).contains("2008-07," + queueA + ",,1200,960,720,60.0");
    }

    @Test
    void theWallboardShowsAMajorComplaintAlertInChinese() throws Exception {
        String supervisor = "wall-sup-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        session = BrowserSession.start(port).logIn(supervisor, "/console/wallboard.html");
        var browser = session.browser;
        var wait = session.waiting();
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.id("alerts-title"), "告警"));
        // the page subscribes once connected
        wait.until(ExpectedConditions.attributeContains(By.id("link"), "class", "up"));

        var ticket = tickets.create(new dev.hotline.ticket.NewTicket(null, null, new dev.hotline.ticket.TicketFields(
                dev.hotline.ticket.TicketType.COMPLAINT, dev.hotline.ticket.ComplaintCategory.QUALITY,
                dev.hotline.ticket.Severity.MAJOR, "批量漏水", "十台设备漏水", null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null)), dev.hotline.ticket.TicketActor.agent("wall-agent-" + run));

        var alert = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//ul[@id='alerts']/li[@data-kind='major-incident'][contains(., '" + ticket.number() + "')]")));
        assertThat(alert.getText()).contains("重大投诉").contains("wall-agent-" + run);
    }

    @Test
    void anAdminSetsAKpiTargetAndRetriesAFailedNotification() throws Exception {
        String admin = "rep-admin-" + run;
        fixture.user(admin, "ADMIN");
        jdbc.update("""
                insert into notification (event_key, recipient, rule, title, body, occurred_at, created_at)
                values (?, 'someone', 'DEADLINE_MISSED', 't', 'b', now(6), now(6))""", "failed:" + run);
        long notification = jdbc.queryForObject("select id from notification where event_key = ?", Long.class,
                "failed:" + run);
        jdbc.update("""
                insert into notification_delivery (notification_id, channel, address, status, attempts, next_attempt_at,
                    last_error) values (?, 'EMAIL', 'x@example.com', 'FAILED', 8, now(6), 'smtp refused')""", notification);
        long delivery = jdbc.queryForObject("select id from notification_delivery where notification_id = ?",
                Long.class, notification);

        session = BrowserSession.start(port).logIn(admin, "/console/reports.html?month=2008-07");
        var browser = session.browser;
        var wait = session.waiting();
        var failed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#failed li[data-delivery='" + delivery + "']")));
        assertThat(failed.getText()).contains("smtp refused");
        failed.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#failed li[data-delivery='" + delivery + "']")));
        assertThat(jdbc.queryForObject("select status from notification_delivery where id = ?", String.class, delivery))
                .isEqualTo("PENDING");

        var target = browser.findElement(By.cssSelector("#targets input[name='COMPLAINT_RESOLUTION']"));
        target.clear();
        target.sendKeys("96.5");
        target.findElement(By.xpath("following-sibling::button")).click();
        wait.until(d -> Double.valueOf(96.5).equals(jdbc.queryForObject(
                "select coalesce(max(target), -1) from kpi_target where kpi = 'COMPLAINT_RESOLUTION'", Double.class)));
        jdbc.update("delete from kpi_target where kpi = 'COMPLAINT_RESOLUTION'");
    }
}
