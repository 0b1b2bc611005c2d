package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.NewContact;
import dev.hotline.followup.FollowupActor;
import dev.hotline.followup.Level;
import dev.hotline.followup.SurveyAnswer;
import dev.hotline.followup.Surveys;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketStatus;
import dev.hotline.ticket.TicketType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
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

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent's shift in the real Chromium (issue #17's found defects 1–5): what the agent types at finish stays on the
 * contact and its ticket and shows in the caller's next screen pop; an unfilled draft does not pile up as an open
 * ticket; rejected, missed and lost (widened) offers leave a clean screen with the reason in words; codes show as
 * words in both languages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:shift-test:")
@Import(ConsoleFixture.class)
class AgentShiftBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    ContactRouting live;
    @Autowired
    ContactIntake contacts;
    @Autowired
    TicketManagement tickets;
    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration routing;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Surveys surveys;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String queue = "shift-" + run;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.assumeInstalled();
    }

    @Test
    void finishKeepsCodeAndNotesOnContactAndTicketClosesTheUnfilledDraftAndTheNextPopShowsIt() throws Exception {
        fixture.queue(queue);
        String agent = "shift-agent-" + run;
        fixture.agent(agent, queue);
        String phone = phone();
        customer("王建国 " + run, phone, "北京市海淀区中关村大街 1 号", "只在上午打电话");
        try (var chromium = new Chromium()) {
            var console = chromium.browser;
            chromium.logIn(port, agent, "/console/agent.html");
            var wait = available(console);

            var first = arrive(phone);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
            // the screen pop: customer address and notes, words not codes, a header row for the history
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-details"), "中关村大街"));
            assertThat(console.findElement(By.id("pop-details")).getText()).contains("只在上午打电话");
            assertThat(console.findElement(By.id("offer-channel")).getText()).isEqualTo("Phone");
            assertThat(console.findElement(By.cssSelector("#screenpop thead")).getText()).contains("When", "Disposition");
            console.findElement(By.id("accept")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("disposition-code-" + first.value())));
            new Select(console.findElement(By.id("disposition-code-" + first.value()))).selectByValue("inquiry-answered");
            String notes = "报修：电机异响，已登记上门 " + run;
            console.findElement(By.id("disposition-" + first.value())).sendKeys(notes, Keys.ENTER);
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "WRAP_UP"));

            // 1. the words are on the contact and on its ticket; 2. the draft nobody filled is closed as an inquiry
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(contacts.find(first).orElseThrow().disposition()).isEqualTo("inquiry-answered: " + notes));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                var ticket = tickets.findByContact(first).orElseThrow();
                assertThat(ticket.status()).isEqualTo(TicketStatus.CLOSED);
                assertThat(ticket.type()).isEqualTo(TicketType.INQUIRY);
                assertThat(ticket.fields().description()).contains(notes);
            });

            // the caller's next pop: no draft under open tickets, the last contact with its disposition in words
            console.findElement(By.id("go-available")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
            var second = arrive(phone);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-history"), "Inquiry answered — " + notes));
            // the closed draft is gone; at most this call's own draft is listed
            String firstTicket = tickets.findByContact(first).orElseThrow().number();
            assertThat(console.findElement(By.id("pop-tickets")).getText()).doesNotContain(firstTicket);
            assertThat(console.findElements(By.xpath("//ul[@id='pop-tickets']/li[contains(., 'Draft')]"))).hasSizeLessThanOrEqualTo(1);
            assertThat(console.findElement(By.id("pop-history")).getText()).contains("Answered").doesNotContain("ANSWERED");

            // 3. Esc rejects: the offer panel and its screen pop go, and the console says why
            console.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offer")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("screenpop")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-ended"), "You rejected the offer"));

            // 5. in Chinese the same pop, with words in Chinese
            new Select(console.findElement(By.id("lang"))).selectByValue("zh-CN");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-ended"), "您已拒接"));
            live.callerHungUp(second, Instant.now());
        }
    }

    /** The issue's "done when" walk: the ticket filled in place, the warranty decided by the rules, both kept at finish. */
    @Test
    void aRepairTicketIsFilledInPlaceWithTheRulesWarrantyAndTheNextPopShowsTicketAndDisposition() throws Exception {
        fixture.queue(queue);
        String agent = "shift-repair-" + run;
        fixture.agent(agent, queue);
        String phone = phone();
        long customer = customer("李师傅 " + run, phone, "上海市浦东新区", null);
        String serial = "SN-" + run;
        product(customer, "HX-200 水泵", serial, java.time.LocalDate.now().minusMonths(3), "DIRECT");
        try (var chromium = new Chromium()) {
            var console = chromium.browser;
            chromium.logIn(port, agent, "/console/agent.html");
            var wait = available(console);
            var call = acceptedCall(console, wait, phone);
            String number = tickets.findByContact(call).orElseThrow().number();
            assertThat(console.findElement(By.id("ticket-number")).getText()).isEqualTo(number);

            // a repair: its fields appear; the product comes from the caller's archive, the warranty from the rules
            new Select(console.findElement(By.id("ticket-type"))).selectByValue("REPAIR");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-productSerial")));
            console.findElement(By.id("ticket-description")).sendKeys("电机异响，无法启动");
            console.findElement(By.id("ticket-quality")).click();
            new Select(console.findElement(By.id("ticket-productSerial"))).selectByValue(serial);
            wait.until(ExpectedConditions.attributeToBe(By.id("ticket-warranty"), "data-charge", "FREE"));
            assertThat(console.findElement(By.id("ticket-warranty")).getText()).startsWith("In warranty");
            new Select(console.findElement(By.id("ticket-step"))).selectByValue("REGISTERED");
            console.findElement(By.id("ticket-go")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "REGISTERED"));

            // the next step of the repair flow, with what it needs
            assertThat(new Select(console.findElement(By.id("ticket-step"))).getOptions())
                    .anySatisfy(o -> assertThat(o.getText()).startsWith("Diagnosed — needs"));
            new Select(console.findElement(By.id("ticket-partsInStock"))).selectByValue("true");
            new Select(console.findElement(By.id("ticket-onSiteVisit"))).selectByValue("true");
            new Select(console.findElement(By.id("ticket-step"))).selectByValue("DIAGNOSED");
            console.findElement(By.id("ticket-go")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "DIAGNOSED"));
            var diagnosed = tickets.findByContact(call).orElseThrow().fields();
            assertThat(diagnosed.productSerial()).isEqualTo(serial);
            assertThat(diagnosed.warranty()).isEqualTo(dev.hotline.ticket.WarrantyDecision.IN_WARRANTY);
            assertThat(diagnosed.charge()).isEqualTo(dev.hotline.customer.Charge.FREE);
            console.findElement(By.id("ticket-comment")).sendKeys("客户上午在家 " + run);
            console.findElement(By.id("ticket-comment-add")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-history"), "客户上午在家 " + run));
            assertThat(console.findElement(By.id("ticket-deadlines")).getText()).containsPattern("left|met");

            // finish with a code and notes: the ticket keeps its flow (not closed as an unfilled draft) and the words
            new Select(console.findElement(By.id("disposition-code-" + call.value()))).selectByValue("ticket-opened");
            console.findElement(By.id("disposition-" + call.value())).sendKeys("已登记上门", Keys.ENTER);
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "WRAP_UP"));
            assertThat(console.findElement(By.id("ticket")).isDisplayed()).as("the ticket stays in wrap-up").isTrue();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(tickets.detail(
                    tickets.findByContact(call).orElseThrow().id()).history())
                    .anySatisfy(h -> assertThat(h.note()).contains("ticket-opened: 已登记上门")));
            assertThat(tickets.findByContact(call).orElseThrow().status()).isEqualTo(TicketStatus.DIAGNOSED);

            console.findElement(By.id("go-available")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
            var again = arrive(phone);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-tickets"), number + " Repair"));
            assertThat(console.findElement(By.id("pop-tickets")).getText()).contains("Diagnosed");
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pop-history"), "Ticket opened — 已登记上门"));
            live.callerHungUp(again, Instant.now());
        }
    }

    /** Issue #17: installation tickets (004 §4.0) are worked from the console like every other flow. */
    @Test
    void anInstallationIsScheduledAndInstalledFromTheConsoleAndHandedOverOnlyAfterItsRun() throws Exception {
        fixture.queue(queue);
        String agent = "shift-install-" + run;
        fixture.agent(agent, queue);
        String phone = phone();
        long customer = customer("孙经理 " + run, phone, "南昌市", null);
        String serial = "IN-" + run;
        product(customer, "HX-900 配送机", serial, java.time.LocalDate.now(), "DIRECT");
        try (var chromium = new Chromium()) {
            var console = chromium.browser;
            chromium.logIn(port, agent, "/console/agent.html");
            var wait = available(console);
            var call = acceptedCall(console, wait, phone);

            new Select(console.findElement(By.id("ticket-type"))).selectByValue("INSTALLATION");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-appointmentOn")));
            console.findElement(By.id("ticket-description")).sendKeys("新购配送机送货并安装调试");
            new Select(console.findElement(By.id("ticket-productSerial"))).selectByValue(serial);
            new Select(console.findElement(By.id("ticket-step"))).selectByValue("REGISTERED");
            console.findElement(By.id("ticket-go")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "REGISTERED"));
            assertThat(console.findElement(By.id("ticket-status")).getText()).isEqualTo("Registered");
            assertThat(new Select(console.findElement(By.id("ticket-step"))).getOptions())
                    .anySatisfy(o -> assertThat(o.getText()).startsWith("Appointment agreed — needs"));

            var day = java.time.LocalDate.now().plusDays(3);
            ((org.openqa.selenium.JavascriptExecutor) console).executeScript("arguments[0].value = arguments[1]",
                    console.findElement(By.id("ticket-appointmentOn")), day.toString());
            new Select(console.findElement(By.id("ticket-step"))).selectByValue("SCHEDULED");
            console.findElement(By.id("ticket-note")).sendKeys("已电话确认送货时间");
            console.findElement(By.id("ticket-go")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "SCHEDULED"));
            assertThat(tickets.findByContact(call).orElseThrow().fields().appointmentOn()).isEqualTo(day);

            new Select(console.findElement(By.id("ticket-step"))).selectByValue("INSTALLED");
            console.findElement(By.id("ticket-note")).sendKeys("安装调试记录：一次调试成功 " + run);
            console.findElement(By.id("ticket-go")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "INSTALLED"));

            // handed over only after the full-load run: refused now, in words, and the ticket stays installed
            new Select(console.findElement(By.id("ticket-step"))).selectByValue("HANDED_OVER");
            console.findElement(By.id("ticket-note")).sendKeys("已培训客户操作");
            console.findElement(By.id("ticket-go")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-problem"), "full-load run"));
            assertThat(tickets.findByContact(call).orElseThrow().status()).isEqualTo(TicketStatus.INSTALLED);
            live.callerHungUp(call, Instant.now());
        }
    }

    @Test
    void aCustomerIsFoundByAnyKeyTheTimelineShowsWhatHappenedANewCallerIsRegisteredAndALetterLogged() throws Exception {
        fixture.queue(queue);
        String helper = "shift-helper-" + run;
        fixture.agent(helper, queue);
        String phone = phone();
        long customer = customer("赵女士 " + run, phone, null, null);
        String serial = "TL-" + run;
        product(customer, "HX-100", serial, java.time.LocalDate.now().minusMonths(2), "DEALER");
        // an earlier call, answered and finished by another agent
        presence.changeState(helper, dev.hotline.routing.AgentState.AVAILABLE, null);
        var earlier = arrive(phone);
        await().atMost(Duration.ofSeconds(10)).until(() -> earlier.equals(presence.status(helper).pendingOffer()));
        presence.accept(earlier, helper);
        presence.finish(earlier, helper, "inquiry-answered: 水泵漏水 " + run);
        await().atMost(Duration.ofSeconds(15)).until(() -> tickets.findByContact(earlier)
                .filter(t -> t.status() == TicketStatus.CLOSED).isPresent());
        presence.changeState(helper, dev.hotline.routing.AgentState.OFFLINE, null);
        String ticket = tickets.findByContact(earlier).orElseThrow().number();
        // a satisfaction survey the customer answered on the phone: part of the timeline too
        var survey = surveys.open(customer, null, null, FollowupActor.SYSTEM);
        surveys.answerByAgent(survey.id(), new SurveyAnswer(Level.GOOD, Level.GOOD, Level.GOOD, Level.GOOD, Level.GOOD,
                "师傅很专业 " + run), new FollowupActor(helper, false));

        String agent = "shift-search-" + run;
        fixture.agent(agent, queue);
        try (var chromium = new Chromium()) {
            var console = chromium.browser;
            chromium.logIn(port, agent, "/console/agent.html");
            var wait = new WebDriverWait(console, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
            String national = phone.substring(3);   // +86 139... -> "139 xxxx xxxx", as a caller says it
            String spoken = national.substring(0, 3) + " " + national.substring(3, 7) + " " + national.substring(7);
            for (String key : new String[] {spoken, serial, ticket, "赵女士 " + run}) {
                var box = console.findElement(By.id("customer-search"));
                box.clear();
                box.sendKeys(key, Keys.ENTER);
                wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#customer-results button[data-customer='" + customer + "']")));
                assertThat(console.findElements(By.cssSelector("#customer-results li"))).as(key).hasSize(1);
            }
            console.findElement(By.cssSelector("#customer-results button[data-customer='" + customer + "']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customer-timeline"),
                    "Inquiry answered — 水泵漏水 " + run));
            assertThat(console.findElement(By.id("customer-timeline")).getText())
                    .contains(ticket + " Inquiry · Closed", helper, "Phone")
                    .contains("Satisfaction survey", "Answered · on the phone", "师傅很专业 " + run, "Satisfied");
            console.findElement(By.id("customer-search")).clear();

            // a caller the archive does not know: registered from the screen pop
            console.findElement(By.id("go-available")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
            String stranger = phone();
            var call = arrive(stranger);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register")));
            console.findElement(By.id("accept")).click();
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "BUSY"));
            assertThat(console.findElement(By.id("register-phone")).getAttribute("value")).isEqualTo(stranger);
            console.findElement(By.id("register-name")).sendKeys("新客户 " + run);
            console.findElement(By.id("register-address")).sendKeys("南昌市");
            console.findElement(By.id("register-save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("register-result"), "is registered"));
            assertThat(jdbc.queryForObject("SELECT c.name FROM customer c JOIN customer_phone p ON p.customer_id = c.id "
                    + "WHERE p.e164 = ?", String.class, stranger)).isEqualTo("新客户 " + run);
            // ... and is the customer of this call and of its draft ticket, not only an archive entry
            Long registered = jdbc.queryForObject("SELECT p.customer_id FROM customer_phone p WHERE p.e164 = ?",
                    Long.class, stranger);
            await().atMost(Duration.ofSeconds(10)).until(() -> registered.equals(contacts.find(call).orElseThrow()
                    .customerId()) && tickets.findByContact(call).filter(t -> registered.equals(t.customerId())).isPresent());

            // a letter logged from the console is a contact of that channel, with its ticket
            new Select(console.findElement(By.id("log-channel"))).selectByValue("LETTER");
            console.findElement(By.id("log-from")).sendKeys("赵女士");
            console.findElement(By.id("log-subject")).sendKeys("来函：要求更换水泵 " + run);
            new Select(console.findElement(By.id("log-queue"))).selectByValue(queue);
            console.findElement(By.id("log-save")).click();
            wait.until(ExpectedConditions.attributeToBeNotEmpty(console.findElement(By.id("log-result")), "data-contact"));
            var letter = ContactId.of(console.findElement(By.id("log-result")).getAttribute("data-contact"));
            assertThat(contacts.find(letter).orElseThrow().channel()).isEqualTo(Channel.LETTER);
            await().atMost(Duration.ofSeconds(15)).until(() -> tickets.findByContact(letter).isPresent());
            // the agent has the letter in hand: it is theirs at once, never offered through the queue
            assertThat(presence.status(agent).activeContacts()).contains(letter);
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("active"), "#" + letter.value() + " Letter"));
            await().atMost(Duration.ofSeconds(15)).until(() -> tickets.findByContact(letter)
                    .filter(t -> agent.equals(t.assignee())).isPresent());
            assertThat(contacts.history(letter)).extracting(h -> h.action()).doesNotContain("OFFERED", "QUEUED")
                    .contains("ANSWERED");
            assertThat(contacts.find(letter).orElseThrow().agent()).isEqualTo(agent);
            live.callerHungUp(call, Instant.now());
            live.callerHungUp(letter, Instant.now());
        }
    }

    @Test
    void aMissedOfferLeavesACleanScreenAndTheBreakIsExplainedInWords() throws Exception {
        String missQueue = queue + "-miss";
        var d = routing.queueDefaults(missQueue);
        routing.saveQueue(new dev.hotline.routing.QueueSettings(missQueue, Map.of(missQueue, 1), d.strategy(),
                Duration.ofSeconds(2), d.ringPeriod(), d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall()));
        String agent = "shift-miss-" + run;
        fixture.agent(agent, missQueue);
        try (var chromium = new Chromium()) {
            var console = chromium.browser;
            chromium.logIn(port, agent, "/console/agent.html");
            var wait = available(console);
            var contact = live.arrive(new NewContact(Channel.VOICE, "api", "miss-" + run, phone(), null, missQueue, null, null));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screenpop")));
            wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "BREAK"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offer")));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("screenpop")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-ended"), "rang out unanswered"));
            assertThat(console.findElement(By.id("state")).getText()).isEqualTo("Break (ring-no-answer)");
            new Select(console.findElement(By.id("lang"))).selectByValue("zh-CN");
            wait.until(ExpectedConditions.textToBe(By.id("state"), "小休 (振铃未接)"));
            live.callerHungUp(contact.id(), Instant.now());
        }
    }

    @Test
    void aWidenedOfferIsLabelledAndItsLossToAnotherAgentExplained() throws Exception {
        // only level-2 agents qualify; two level-1 agents are rung when the contact is widened at ring 3
        String wideQueue = queue + "-wide";
        var d = routing.queueDefaults(wideQueue);
        routing.saveQueue(new dev.hotline.routing.QueueSettings(wideQueue, Map.of(wideQueue, 2), d.strategy(),
                Duration.ofSeconds(30), Duration.ofMillis(700), 2, 3, 20, d.zone(), d.onCall()));
        String watcher = "shift-wide-a-" + run;
        String taker = "shift-wide-b-" + run;
        for (String a : new String[] {watcher, taker}) {
            fixture.user(a, "AGENT");
            routing.saveAgent(new AgentProfile(a, a, Map.of(wideQueue, 1), "PJSIP/" + a, null, null, 1, 3, 0));
        }
        try (var chromium = new Chromium()) {
            var console = chromium.browser;
            chromium.logIn(port, watcher, "/console/agent.html");
            var wait = available(console);
            presence.changeState(taker, dev.hotline.routing.AgentState.AVAILABLE, null);
            var contact = live.arrive(new NewContact(Channel.VOICE, "api", "wide-" + run, phone(), null, wideQueue, null, null));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer-widened")));
            assertThat(console.findElement(By.id("offer-widened")).getText()).contains("Widened");
            await().atMost(Duration.ofSeconds(10)).until(() -> contact.id().equals(presence.status(taker).pendingOffer()));
            presence.accept(contact.id(), taker);
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("offer")));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("offer-ended"),
                    "Another agent accepted this widened contact first"));
            assertThat(console.findElement(By.id("screenpop")).isDisplayed()).isFalse();
            presence.finish(contact.id(), taker, null);
        }
    }

    @Test
    void theLoginPageSpeaksChineseAndTheConsoleFollowsItsLanguage() throws Exception {
        String agent = "shift-login-" + run;
        fixture.agent(agent, queue);
        try (var chromium = new Chromium()) {
            var page = chromium.browser;
            page.get("http://localhost:" + port + "/console/agent.html");
            var wait = new WebDriverWait(page, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
            assertThat(page.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("User name");
            new Select(page.findElement(By.id("lang"))).selectByValue("zh-CN");
            assertThat(page.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("用户名");
            page.findElement(By.name("username")).sendKeys(agent);
            page.findElement(By.name("password")).sendKeys("wrong-password", Keys.ENTER);
            wait.until(ExpectedConditions.textToBe(By.id("error"), "用户名或密码错误。"));
            page.findElement(By.name("username")).sendKeys(agent);
            page.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD, Keys.ENTER);
            wait.until(ExpectedConditions.urlContains("/console/agent.html"));
            wait.until(ExpectedConditions.textToBe(By.id("state"), "离线"));
            assertThat(page.findElement(By.cssSelector("h1")).getText()).isEqualTo("坐席工作台");
        }
    }

    private WebDriverWait available(WebDriver console) {
        var wait = new WebDriverWait(console, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "OFFLINE"));
        console.findElement(By.id("go-available")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "AVAILABLE"));
        return wait;
    }

    /** A call from {@code phone} offered to the console's agent and accepted there: its draft ticket shows. */
    private ContactId acceptedCall(WebDriver console, WebDriverWait wait, String phone) {
        var call = arrive(phone);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
        console.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "DRAFT"));
        return call;
    }

    private void product(long customer, String model, String serial, java.time.LocalDate shipped, String channel) {
        var now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO customer_product (customer_id, model, serial_number, ship_date, sales_channel, quantity, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?)", customer, model, serial,
                java.sql.Date.valueOf(shipped), channel, now, now);
    }

    private ContactId arrive(String phone) {
        return live.arrive(new NewContact(Channel.VOICE, "api", "shift-" + UUID.randomUUID(), phone, null, queue,
                null, null)).id();
    }

    static String phone() {
        return "+861390" + String.format("%07d", (int) (Math.random() * 10_000_000));
    }

    long customer(String name, String e164, String address, String notes) {
        var now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO customer (name, address, tier, notes, created_at, updated_at) VALUES (?, ?, 'KEY', ?, ?, ?)",
                name, address, notes, now, now);
        long id = jdbc.queryForObject("SELECT id FROM customer WHERE name = ?", Long.class, name);
        jdbc.update("INSERT INTO customer_phone (customer_id, e164) VALUES (?, ?)", id, e164);
        return id;
    }
}
