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
 * Takes the README's screenshots (docs/img/) in headless Chromium against a running app: the agent console with a
 * call ringing and its screen pop, and the wallboard after a few calls. Run by {@code scripts/screenshots}; not a test.
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

        WebDriver agent = browser();
        WebDriver supervisor = browser();
        try {
            logIn(agent, "li", "/console/agent.html");
            var wait = new WebDriverWait(agent, Duration.ofSeconds(20));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#link.up")));
            agent.findElement(By.id("go-available")).click();
            Thread.sleep(1000);
            // two earlier calls answered, so the wallboard has figures; then the one in the screenshot rings
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
            call(admin, "POST", "/api/contacts", "{\"channel\":\"VOICE\",\"from\":\"0795-7369333\"}");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("screenpop")));
            Thread.sleep(2500);
            save(agent, dir.resolve("agent-console.png"));

            logIn(supervisor, "wang", "/console/wallboard.html");
            Thread.sleep(4000);
            save(supervisor, dir.resolve("wallboard.png"));
        } finally {
            agent.quit();
            supervisor.quit();
        }
    }

    private static WebDriver browser() throws Exception {
        var options = new ChromeOptions();
        options.setBinary(BrowserSession.CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--user-data-dir=" + Files.createTempDirectory("hotline-shot-"), "--lang=en-US",
                "--window-size=1280,900", "--hide-scrollbars");
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
