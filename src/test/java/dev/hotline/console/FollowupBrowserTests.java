package dev.hotline.console;

import dev.hotline.followup.CustomerNotSatisfied;
import dev.hotline.followup.FollowupActor;
import dev.hotline.followup.MonthlyReports;
import dev.hotline.followup.SurveyInvited;
import dev.hotline.followup.Surveys;
import dev.hotline.followup.Visits;
import dev.hotline.ticket.TicketClosed;
import dev.hotline.ticket.TicketType;
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
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The public survey page and the agent's Follow-up panel in headless Chromium, against the whole application. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:stomp-test:")
@Import(ConsoleFixture.class)
class FollowupBrowserTests {

    private static final List<SurveyInvited> INVITED = new CopyOnWriteArrayList<>();
    private static volatile boolean listening;

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    Surveys surveys;
    @Autowired
    Visits visits;
    @Autowired
    MonthlyReports reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableApplicationContext context;

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
        if (!listening) {
            listening = true;
            context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) e -> {
                if (e.getPayload() instanceof SurveyInvited i) {
                    INVITED.add(i);
                }
            });
        }
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
    void aCustomerAnswersTheTextedSurveyOnThePublicPageOnceAndItLandsInTheMonthsReport() {
        long customer = customer();
        long ticketId = ThreadLocalRandom.current().nextLong(3_000_000_000L, 4_000_000_000L);
        String number = "CS-WEB-" + run;
        var survey = surveys.inviteAfterTicket(new TicketClosed(ticketId, number, TicketType.REPAIR, customer,
                Instant.now(), false)).orElseThrow();
        String link = INVITED.stream().filter(i -> i.surveyId() == survey.id()).findFirst().orElseThrow().link();

        browser.get("http://localhost:" + port + link);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("survey")));
        assertThat(browser.findElement(By.id("about")).getText()).contains(number);
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("客户满意度调查");
        assertThat(browser.findElement(By.id("dim-DELIVERY")).getText()).contains("交货期", "按期", "拖期");

        // submitting with a question open is refused in the page, nothing is sent
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "请为每一项选择一个评价。"));
        for (String dimension : new String[]{"QUALITY", "DELIVERY", "SERVICE", "PRICE", "PACKAGING"}) {
            browser.findElement(By.id(dimension + "-POOR")).click();
        }
        browser.findElement(By.id("comment")).sendKeys("维修太慢");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "感谢您的评价！"));

        var answered = surveys.find(survey.id());
        assertThat(answered.status()).isEqualTo("ANSWERED");
        assertThat(answered.comment()).isEqualTo("维修太慢");
        var month = YearMonth.from(answered.createdAt().atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(reports.compute(month, Instant.now()).notSatisfied())
                .anySatisfy(n -> assertThat(n.surveyId()).isEqualTo(survey.id()));

        // the same link again: a clear message, no form
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "此调查已经提交过，感谢您的参与。"));
        assertThat(browser.findElement(By.id("survey")).isDisplayed()).isFalse();
        // a forged one
        browser.get("http://localhost:" + port + link.replace("#" + survey.id() + ".", "#" + (survey.id() + 7) + "."));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBe(By.id("message"), "此调查链接无效。"));
    }

    @Test
    void anAgentWorksAVisitFromTheFollowUpPanel() {
        String agent = "fu-agent-" + run;
        fixture.user(agent, "AGENT");
        long customer = customer();
        var task = visits.plan(customer, null, LocalDate.now(ZoneId.of("Asia/Shanghai")), agent, "半年回访",
                new FollowupActor("sup", true));

        chromium.logIn(port, agent, "/console/followup.html");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        var item = By.xpath("//ul[@id='due']//button[contains(., 'Customer " + customer + "')]");
        wait.until(ExpectedConditions.elementToBeClickable(item)).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("task-panel"), "data-task", String.valueOf(task.id())));

        new Select(browser.findElement(By.id("dim-QUALITY"))).selectByValue("FAIR");
        browser.findElement(By.id("survey-comment")).sendKeys("整体满意");
        browser.findElement(By.id("survey-save")).click();
        untilOrShowErrors(ExpectedConditions.attributeToBe(By.id("survey-result"), "data-score", "92"));

        new Select(browser.findElement(By.id("channel"))).selectByValue("PHONE");
        new Select(browser.findElement(By.id("outcome"))).selectByValue("SATISFIED");
        browser.findElement(By.id("note")).sendKeys("设备运行正常");
        browser.findElement(By.id("outcome-save")).click();
        untilOrShowErrors(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ul[@id='done']//button[contains(., 'Customer " + customer + "')]")));

        assertThat(visits.get(task.id(), new FollowupActor(agent, false))).satisfies(t -> {
            assertThat(t.status().name()).isEqualTo("DONE");
            assertThat(t.doneBy()).isEqualTo(agent);
            assertThat(t.note()).isEqualTo("设备运行正常");
        });
        assertThat(jdbc.queryForObject("select count(*) from survey where visit_task_id = ? and status = 'ANSWERED'",
                Long.class, task.id())).isEqualTo(1);
    }

    @Test
    void aSupervisorSeesThePlanAndTheMonthlyReportWithItsChartAndDownloads() {
        String supervisor = "fu-sup-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        long customer = customer();
        var survey = surveys.open(customer, null, null, new FollowupActor("agent", false));
        surveys.answerByAgent(survey.id(), new dev.hotline.followup.SurveyAnswer(dev.hotline.followup.Level.GOOD,
                dev.hotline.followup.Level.GOOD, dev.hotline.followup.Level.FAIR, dev.hotline.followup.Level.GOOD,
                dev.hotline.followup.Level.GOOD, null), new FollowupActor("agent", false));
        String month = YearMonth.from(survey.createdAt().atZone(ZoneId.of("Asia/Shanghai"))).toString();

        chromium.logIn(port, supervisor, "/console/followup-plan.html");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        new Select(browser.findElement(By.id("lang"))).selectByValue("zh-CN");
        wait.until(ExpectedConditions.textMatches(By.id("coverage"), java.util.regex.Pattern.compile("已回访 \\d+ / \\d+ 家客户.*")));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('month').value = arguments[0]", month);
        browser.findElement(By.id("regenerate")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("distribution-chart")));
        assertThat(browser.findElements(By.cssSelector("#distribution-chart rect"))).hasSize(15);
        assertThat(browser.findElement(By.id("distribution-chart")).getText()).contains("产品实物质量", "包装");
        assertThat(Long.parseLong(browser.findElement(By.id("report-answered")).getText())).isPositive();
        assertThat(browser.findElement(By.id("csv")).getAttribute("href")).endsWith("/api/followup/reports/" + month
                + "?format=csv");
        Object csv = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('csv').href).then(r => r.text()).then(done)");
        assertThat((String) csv).contains("period," + month, "average_score,");
        Object xlsxType = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('xlsx').href).then(r => done(r.headers.get('content-type')))");
        assertThat((String) xlsxType).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /** Waits; a timeout names what the page reported, which says more than the condition. */
    private void untilOrShowErrors(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        try {
            wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Page messages: " + browser.findElement(By.id("errors")).getText(), e);
        }
    }

    private long customer() {
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(Instant.now());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into customer (name, tier, created_at, updated_at) "
                    + "values (?, 'REGULAR', ?, ?)", new String[]{"id"});
            ps.setString(1, "网页回访客户 " + run);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }
}
