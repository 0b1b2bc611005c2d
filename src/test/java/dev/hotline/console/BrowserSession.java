package dev.hotline.console;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A headless Chromium with a fresh profile, for browser tests outside this package (skipped without Chromium). */
public final class BrowserSession implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    public final WebDriver browser;
    private final int port;

    private BrowserSession(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    public static BrowserSession start(int port) throws IOException {
        assumeTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "Browser test skipped: no Chromium at " + CHROMIUM + " / chromedriver at " + CHROMEDRIVER);
        Path profile = Files.createTempDirectory("hotline-chromium-");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--lang=en-US", "--window-size=1280,1000");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        return new BrowserSession(new ChromeDriver(service, options), port);
    }

    /** Through the form login to {@code page}. */
    public BrowserSession logIn(String user, String page) {
        browser.get("http://localhost:" + port + page);
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(page));
        return this;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
