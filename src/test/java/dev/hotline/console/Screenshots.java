package dev.hotline.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Takes the screenshots in docs/img/ in headless Chromium against a running app: the agent console (1366×1000) with a
 * call ringing and its screen pop, talking with the ticket filled in, and in wrap-up, in English and Chinese; the
 * wallboard (1920×1080) with a call waiting and its alert, in both languages. Run by {@code scripts/screenshots}; not a test.
 */
public final class Screenshots {

    private static final String PASSWORD = "screenshot-pass-1";
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String admin;

    private Screenshots(String base, String adminPassword) {
        this.base = base;
        this.admin = "admin:" + adminPassword;
    }

    public static void main(String[] args) throws Exception {
        new Screenshots(args[0], args[1]).take(Path.of(args[2]));
    }

    private void take(Path dir) throws Exception {
        Files.createDirectories(dir);
        call(admin, "POST", "/api/users", "{\"username\":\"li\",\"password\":\"" + PASSWORD + "\",\"role\":\"AGENT\",\"displayName\":\"李娜\"}");
        call(admin, "PUT", "/api/agents/li", "{\"skills\":{},\"extension\":\"1001\"}");
        call(admin, "POST", "/api/users", "{\"username\":\"wang\",\"password\":\"" + PASSWORD + "\",\"role\":\"SUPERVISOR\"}");
        String customer = id(call(admin, "POST", "/api/customers", "{\"name\":\"江西某电机公司\",\"contactPerson\":\"刘工\","
                + "\"phones\":[\"0795-7369333\"],\"tier\":\"KEY\"}"));
        call(admin, "POST", "/api/customers/" + customer + "/products", "{\"model\":\"YE3-132M-4\",\"serialNumber\":\"YE3-0001\","
                + "\"shipDate\":\"" + LocalDate.now().minusMonths(3) + "\",\"salesChannel\":\"DIRECT\"}");
        call(admin, "POST", "/api/customers/" + customer + "/products", "{\"model\":\"YE3-160L-4\",\"serialNumber\":\"YE3-0002\","
                + "\"shipDate\":\"" + LocalDate.now().minusMonths(20) + "\",\"salesChannel\":\"DEALER\"}");

        WebDriver agent = browser(1366, 1000);
        WebDriver supervisor = browser(1920, 1080);
        try {
            logIn(agent, "li", "/console/agent.html");
            var wait = new WebDriverWait(agent, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#link.up")));
            agent.findElement(By.id("go-available")).click();
            Thread.sleep(1000);
            // two earlier calls answered, so the wallboard has figures and the caller a history
            for (int i = 0; i < 2; i++) {
                String done = id(call(admin, "POST", "/api/contacts", "{\"channel\":\"VOICE\",\"from\":\"139053693" + (10 + i) + "\"}"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("offer")));
                agent.switchTo().activeElement().sendKeys(Keys.ENTER);
                Thread.sleep(1500);
                call(admin, "POST", "/api/contacts/" + done + "/hangup", null);
                call("li:" + PASSWORD, "POST", "/api/contacts/" + done + "/finish", "{\"disposition\":\"solved\"}");
                call("li:" + PASSWORD, "PUT", "/api/agents/me/state", "{\"state\":\"AVAILABLE\"}");
                Thread.sleep(1000);
            }
            shift(agent, wait, dir, "en", "Motor hums loudly and does not start", "Engineer visit booked");
            new Select(agent.findElement(By.id("lang"))).selectByValue("zh-CN");
            call("li:" + PASSWORD, "PUT", "/api/agents/me/state", "{\"state\":\"AVAILABLE\"}");
            Thread.sleep(1000);
            shift(agent, wait, dir, "zh", "电机异响，无法启动", "已登记上门");

            // a call nobody takes: the wallboard lists it waiting and raises the ring alert
            call("li:" + PASSWORD, "PUT", "/api/agents/me/state", "{\"state\":\"BREAK\",\"reason\":\"lunch\"}");
            call(admin, "POST", "/api/contacts", "{\"channel\":\"VOICE\",\"from\":\"13905369399\"}");
            logIn(supervisor, "wang", "/console/wallboard.html");
            Thread.sleep(12000);
            save(supervisor, dir.resolve("wallboard.png"));
            save(supervisor, dir.resolve("wallboard-en.png"));
            new Select(supervisor.findElement(By.id("lang"))).selectByValue("zh-CN");
            Thread.sleep(2500);
            save(supervisor, dir.resolve("wallboard-zh.png"));
        } finally {
            agent.quit();
            supervisor.quit();
        }
    }

    /** One call in the agent console: the offer, talking with the ticket filled in, wrap-up. */
    private void shift(WebDriver agent, WebDriverWait wait, Path dir, String lang, String fault, String notes)
            throws Exception {
        String contact = id(call(admin, "POST", "/api/contacts", "{\"channel\":\"VOICE\",\"from\":\"0795-7369333\"}"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screenpop")));
        Thread.sleep(2500);
        if (lang.equals("en")) {
            save(agent, dir.resolve("agent-console.png"));
        }
        save(agent, dir.resolve("agent-offer-" + lang + ".png"));
        agent.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "DRAFT"));
        choose(wait, "ticket-type", "REPAIR");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("ticket-productSerial")));
        agent.findElement(By.id("ticket-description")).sendKeys(fault);
        agent.findElement(By.id("ticket-quality")).click();
        choose(wait, "ticket-productSerial", "YE3-0001");
        wait.until(ExpectedConditions.attributeToBe(By.id("ticket-warranty"), "data-charge", "FREE"));
        choose(wait, "ticket-step", "REGISTERED");
        agent.findElement(By.id("ticket-go")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("ticket-status"), "data-status", "REGISTERED"));
        ((org.openqa.selenium.JavascriptExecutor) agent).executeScript("document.getElementById('ticket').scrollIntoView()");
        Thread.sleep(1000);
        save(agent, dir.resolve("agent-talking-" + lang + ".png"));
        choose(wait, "disposition-code-" + contact, "ticket-opened");
        agent.findElement(By.id("disposition-" + contact)).sendKeys(notes, Keys.ENTER);
        wait.until(ExpectedConditions.attributeToBe(By.id("state"), "data-state", "WRAP_UP"));
        ((org.openqa.selenium.JavascriptExecutor) agent).executeScript("window.scrollTo(0, 0)");
        Thread.sleep(500);
        save(agent, dir.resolve("agent-wrap-up-" + lang + ".png"));
    }

    /** Picks a value in a select the page may be drawing again: looked up afresh until the pick holds. */
    private static void choose(WebDriverWait wait, String id, String value) {
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            new Select(d.findElement(By.id(id))).selectByValue(value);
            return true;
        });
    }

    private static WebDriver browser(int width, int height) throws Exception {
        var options = new ChromeOptions();
        options.setBinary(BrowserSession.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("hotline-shot-"), "--lang=en-US",
                "--window-size=" + width + "," + height, "--hide-scrollbars");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(BrowserSession.CHROMEDRIVER)).build();
        return new ChromeDriver(service, options);
    }

    private void logIn(WebDriver browser, String user, String page) {
        browser.get(base + page);
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(page));
    }

    private static void save(WebDriver browser, Path file) throws Exception {
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("[screenshots] " + file);
    }

    private String call(String user, String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String id(String json) {
        var m = Pattern.compile("\"id\":(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }
}
