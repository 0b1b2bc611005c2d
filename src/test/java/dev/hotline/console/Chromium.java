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

/** A headless Debian Chromium driven by chromedriver, with a profile of its own, for the console browser tests. */
final class Chromium implements AutoCloseable {

    static final String BINARY = System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium");
    static final String DRIVER = System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");

    final WebDriver browser;

    Chromium() throws IOException {
        Path profile = Files.createTempDirectory("hotline-chromium-");
        var options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--lang=en-US", "--window-size=1280,1000",
                // two browsers at once: neither may be throttled as a background window
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--disable-backgrounding-occluded-windows");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
        browser = new ChromeDriver(service, options);
    }

    /** Skips the calling test class when Chromium or chromedriver is not installed. */
    static void assumeInstalled() {
        assumeTrue(new File(BINARY).canExecute() && new File(DRIVER).canExecute(),
                "Browser tests skipped: no Chromium at " + BINARY + " / chromedriver at " + DRIVER
                        + " (apt-get install chromium chromium-driver, or set CHROMIUM_BIN / CHROMEDRIVER_BIN)");
    }

    /** Opens {@code page}, which redirects to the login form, and logs in; back on {@code page} afterwards. */
    void logIn(int port, String user, String page) {
        browser.get("http://localhost:" + port + page);
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys(ConsoleFixture.PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(page));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
