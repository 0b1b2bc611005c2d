package dev.hotline;

import dev.hotline.console.BrowserSession;
import dev.hotline.console.ConsoleFixture;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documentation a newcomer opens: Swagger UI's "Try it out" creates a customer as admin in headless Chromium,
 * the description names its title, version, tags, 201s and Basic scheme, and the CSRF rule it relies on stays tight.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ConsoleFixture.class)
class ApiDocumentationBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ConsoleFixture fixture;

    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void tryItOutCreatesACustomerAsAdmin() throws Exception {
        String admin = "docs-admin-" + run;
        fixture.user(admin, "ADMIN");
        String name = "Swagger Motor Works " + run;
        try (var session = BrowserSession.start(port).logIn(admin, "/swagger-ui/index.html")) {
            var browser = session.browser;
            var wait = session.waiting();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
            var dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
            dialog.findElement(By.cssSelector("input[type=text]")).sendKeys(admin);
            dialog.findElement(By.cssSelector("input[type=password]")).sendKeys(ConsoleFixture.PASSWORD);
            dialog.findElement(By.cssSelector("button.authorize")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-done"))).click();

            WebElement create = browser.findElement(By.xpath(
                    "//div[contains(@class,'opblock-post')][.//*[@data-path='/api/customers']]"));
            assertThat(create.getText()).contains("Create a customer");
            create.findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(ExpectedConditions.elementToBeClickable(create.findElement(By.cssSelector(".try-out__btn")))).click();
            WebElement body = wait.until(d -> create.findElement(By.cssSelector("textarea.body-param__text")));
            body.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            body.sendKeys("{\"name\":\"" + name + "\",\"phones\":[\"" + randomPhone() + "\"],\"tier\":\"KEY\"}");
            create.findElement(By.cssSelector("button.execute")).click();

            By status = By.cssSelector(".live-responses-table .response .response-col_status");
            wait.until(d -> !create.findElements(status).isEmpty());
            assertThat(create.findElement(status).getText()).startsWith("201");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE name = ?", Integer.class, name)).isEqualTo(1);
    }

    @Test
    void theDescriptionHasATitleVersionDomainTagsCreatedAnswersAndBasicAuth() throws Exception {
        String admin = "docs-reader-" + run;
        fixture.user(admin, "ADMIN");
        var answer = send(HttpRequest.newBuilder(uri("/v3/api-docs")).header("Authorization", basic(admin)).GET());
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode docs = JsonMapper.builder().build().readTree(answer.body());
        assertThat(docs.at("/info/title").asString()).isEqualTo("Hotline API");
        assertThat(docs.at("/info/version").asString()).isNotBlank().doesNotContain("@");
        assertThat(docs.at("/components/securitySchemes/basicAuth/scheme").asString()).isEqualTo("basic");
        assertThat(docs.at("/paths/~1api~1customers/post/tags/0").asString()).isEqualTo("Customers");
        assertThat(docs.at("/paths/~1api~1customers/post/responses").has("201")).isTrue();
        assertThat(docs.at("/paths/~1api~1customers/post/responses").has("200")).isFalse();
        assertThat(docs.at("/paths/~1api~1contacts/post/responses").has("201")).isTrue();
        assertThat(docs.at("/paths/~1api~1tickets/post/responses").has("201")).isTrue();
        assertThat(docs.at("/paths/~1api~1customers~1{id}/get/responses/404/content")
                .has("application/problem+json")).isTrue();
        docs.get("paths").forEach(path -> path.forEach(operation -> {
            assertThat(operation.path("summary").asString()).as(operation.toString()).isNotBlank();
            assertThat(operation.path("tags").get(0).asString()).doesNotEndWith("-controller");
        }));
    }

    @Test
    void basicWithoutASessionSkipsCsrfButASessionOrAnotherSiteNeedsTheToken() throws Exception {
        String admin = "docs-csrf-" + run;
        fixture.user(admin, "ADMIN");
        assertThat(createCustomer(admin, null, null).statusCode()).isEqualTo(201);

        String session = formLogin(admin);
        assertThat(createCustomer(admin, "JSESSIONID=" + session, null).statusCode()).isEqualTo(403);
        assertThat(createCustomer(admin, null, "cross-site").statusCode()).isEqualTo(403);
        assertThat(createCustomer(admin, null, "same-origin").statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> createCustomer(String admin, String cookie, String fetchSite) throws Exception {
        var request = HttpRequest.newBuilder(uri("/api/customers"))
                .header("Authorization", basic(admin)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"CSRF " + run + "\",\"phones\":[\"" + randomPhone() + "\"]}"));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return send(request);
    }

    /** A form login the way a browser does it (the login page's cookies and CSRF token); the session cookie it gives. */
    private String formLogin(String user) throws Exception {
        var cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        var browserLike = HttpClient.newBuilder().cookieHandler(cookies).build();
        var page = browserLike.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).as("CSRF token on the login page").isTrue();
        String form = "username=" + enc(user) + "&password=" + enc(ConsoleFixture.PASSWORD) + "&_csrf=" + enc(token.group(1));
        var login = browserLike.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).reduce((first, last) -> last).orElseThrow();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + ConsoleFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String randomPhone() {
        return "0795-7" + String.format("%06d", (int) (Math.random() * 1_000_000));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
