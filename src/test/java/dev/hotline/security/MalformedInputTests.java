package dev.hotline.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security suite (b): generated bad variants of every operation of the OpenAPI document (wrong types, missing and
 * unknown fields, huge values, bad enums, malformed JSON, bad content types and Accept headers, bad paths) sent over
 * real HTTP by a logged-in admin, who gets furthest into the code. Every answer must be below 500, and every 4xx an RFC
 * 9457 problem document. The variants are enumerated per parameter and per body field rather than sampled at random:
 * each operation gets every kind of mistake, the same ones in every run.
 */
@SecuritySuiteContext
class MalformedInputTests {

    static final List<String> BAD_SCALARS = List.of("-1", "0", "99999999999999999999", "abc", "NOPE", "", "1.5",
            "2026-13-45", "x".repeat(3000), "%00", "%2F..%2F", "%E2%82%AC", "null");
    static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "\"text\"", "123", "{\"a\":", "{}",
            "{\"zzUnknownField\":1}", "{\"a\":1,\"a\":2}", "\u0000", "[".repeat(3000) + "]".repeat(3000),
            "{\"a\":\"" + "x".repeat(200_000) + "\"}");
    static final List<String> BAD_CONTENT_TYPES = List.of("text/plain", "application/xml", "garbage///",
            "application/json; charset=bogus-9", "multipart/form-data");
    static final List<String> BAD_ACCEPTS = List.of("application/xml", "image/png", "text/csv", "garbage///");
    static final List<String> BAD_PATHS = List.of("/api/tickets/%2F", "/api/%00", "/api//tickets",
            "/api/tickets;jsessionid=x", "/api/tickets/..;/users", "/api/nope", "/%c0%ae%c0%ae/");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    final List<String> failures = new ArrayList<>();
    int sent;
    int serverErrors;

    @Test
    void noBadInputGetsA5xxOrA4xxThatIsNotAProblem() throws Exception {
        var admin = login();
        var api = ApiOperations.parse(send(admin, "GET", "/v3/api-docs", null, null, null).body());
        long started = System.nanoTime();
        for (var op : api.all()) {
            if (op.path().startsWith("/twilio/")) {
                continue; // signed by Twilio, not a user: TwilioBadInputTests
            }
            String goodUrl = op.url(p -> ApiOperations.sample(p.path("schema")));
            String goodQuery = query(op, null, null);
            for (String bad : op.pathParams().isEmpty() ? List.<String>of() : BAD_SCALARS) {
                check(admin, op.method(), op.url(p -> encode(bad)) + goodQuery, op.bodyType(), "{}", null);
            }
            for (var q : op.queryParams()) {
                for (String bad : BAD_SCALARS) {
                    check(admin, op.method(), goodUrl + query(op, q.path("name").asString(), encode(bad)),
                            op.bodyType(), "{}", null);
                }
            }
            if (op.bodyType() != null && op.bodyType().contains("json")) {
                for (String body : BAD_BODIES) {
                    check(admin, op.method(), goodUrl + goodQuery, "application/json", body, null);
                }
                for (var field : api.properties(op.bodySchema()).entrySet()) {
                    for (String value : badValues(field.getValue())) {
                        check(admin, op.method(), goodUrl + goodQuery, "application/json",
                                "{\"" + field.getKey() + "\":" + value + "}", null);
                    }
                }
            }
            if (op.bodyType() != null) {
                for (String type : BAD_CONTENT_TYPES) {
                    check(admin, op.method(), goodUrl + goodQuery, type, "a=b", null);
                }
            }
            for (String accept : BAD_ACCEPTS) {
                check(admin, op.method(), goodUrl + goodQuery, op.bodyType() == null ? null : "application/json", "{}", accept);
            }
        }
        for (String path : BAD_PATHS) {
            check(admin, "GET", path, null, null, null);
        }
        check(admin, "PROPFIND", "/api/tickets", null, null, null);
        check(admin, "GET", "/api/tickets", null, null, "application/json;" + "q=1;".repeat(3000));
        check(admin, "TRACE", "/api/tickets", null, null, null);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        SecurityFigures.report("malformed-input", String.format("[security] malformed input: %d requests to %d "
                + "operations in %d s; 5xx: %d; answers that break the rules: %d", sent, api.all().size(), seconds,
                serverErrors, failures.size()));
        assertThat(failures).as("5xx answers and 4xx answers that are not problem documents").isEmpty();
        assertThat(sent).isGreaterThan(2000);
    }

    /** Values of the wrong type or out of range for one body field, as JSON. */
    static List<String> badValues(JsonNode schema) {
        var values = new ArrayList<>(List.of("null", "{\"nested\":{\"deeper\":1}}", "[1,2]", "\"" + "x".repeat(70_000) + "\""));
        String type = schema == null ? "" : schema.path("type").asString();
        switch (type) {
            case "integer", "number" -> values.addAll(List.of("\"abc\"", "1.5", "99999999999999999999", "-1",
                    "1e400", "true"));
            case "boolean" -> values.addAll(List.of("\"maybe\"", "2"));
            case "array" -> values.addAll(List.of("\"text\"", "[null]", "[\"NOPE\"]", "[{\"a\":1}]"));
            case "object" -> values.addAll(List.of("\"text\"", "{\"k\":null}", "{\"k\":\"NOPE\"}"));
            default -> values.addAll(List.of("12345", "true", "\"NOPE\"", "\"2026-13-45T25:61:00Z\"", "\"\\u0000\""));
        }
        return values;
    }

    private static String query(ApiOperations.Operation op, String badName, String badValue) {
        var parts = new ArrayList<String>();
        for (var q : op.queryParams()) {
            String name = q.path("name").asString();
            if (name.equals(badName)) {
                parts.add(name + "=" + badValue);
            } else if (q.path("required").asBoolean(false)) {
                parts.add(name + "=" + encode(ApiOperations.sample(q.path("schema"))));
            }
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    /** Percent-encoded unless the variant is a (possibly invalid) escape on purpose. */
    private static String encode(String value) {
        return value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void check(Session session, String method, String url, String contentType, String body, String accept) {
        HttpResponse<String> response;
        try {
            response = send(session, method, url, contentType, body, accept);
        } catch (Exception e) {
            failures.add(method + " " + clip(url) + ": " + e);
            return;
        }
        sent++;
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            serverErrors++;
            failures.add(status + " " + method + " " + clip(url) + " [" + contentType + ", accept " + accept + "] "
                    + clip(body) + " -> " + clip(response.body()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(status + " not a problem (" + type + ") " + method + " " + clip(url) + " [" + contentType
                    + ", accept " + accept + "] " + clip(body) + " -> " + clip(response.body()));
        }
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    record Session(HttpClient http, String csrf) {
    }

    private HttpResponse<String> send(Session session, String method, String url, String contentType, String body,
                                      String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (session.csrf() != null) {
            request.header("X-XSRF-TOKEN", session.csrf());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return session.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** One form login (one bcrypt) for the whole run; requests then carry the session cookie and the CSRF token. */
    private Session login() throws Exception {
        String name = "suite-admin-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "suite-" + UUID.randomUUID();
        jdbc.update("INSERT INTO app_user (username, password_hash, role, display_name, enabled, created_at) "
                + "VALUES (?, ?, 'ADMIN', ?, TRUE, CURRENT_TIMESTAMP(6))", name, encoder.encode(password), name);
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var anonymous = new Session(http, null);
        String page = send(anonymous, "GET", "/login", null, null, null).body();
        var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        String form = "username=" + name + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        var loggedIn = send(anonymous, "POST", "/login", "application/x-www-form-urlencoded", form, null);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        String csrf = send(anonymous, "GET", "/api/csrf", null, null, null).body();
        var value = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(csrf);
        assertThat(value.find()).as(csrf).isTrue();
        return new Session(http, value.group(1));
    }

}
