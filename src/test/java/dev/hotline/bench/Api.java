package dev.hotline.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** The app's REST API as one user (HTTP Basic) on one node; only ever 127.0.0.1. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Reply(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final URI base;
    private static final java.util.regex.Pattern CSRF_INPUT =
            java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String authorization;
    private volatile String csrf;
    private volatile String maskedCsrf;
    private volatile java.net.CookieManager cookies;

    Api(HttpClient http, URI base, String user, String password) {
        this.http = http;
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Api(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
        this.authorization = null;
    }

    /**
     * A form-login session (cookie + CSRF header on writes): HTTP Basic costs a BCrypt check per request, which at
     * 50 requests/s would measure BCrypt and eat the app's two cores, not routing or lookups.
     */
    static Api session(URI base, String user, String password) {
        var cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
        var api = new Api(http, base);
        // the login page is HTML only (a JSON Accept gets 406)
        var page = api.call(api.request("/login").setHeader("Accept", "text/html").GET());
        var m = CSRF_INPUT.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login: " + page.status());
        }
        String form = "username=" + java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + m.group(1);
        var login = api.call(api.request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        var csrf = api.get("/api/csrf");
        if (login.status() >= 400 || !csrf.ok()) {
            throw new IllegalStateException("form login of " + user + " failed: " + login.status() + "/" + csrf.status());
        }
        // the header carries the raw token of the XSRF-TOKEN cookie (the SPA mode compares header and cookie)
        api.cookies = cookies;
        api.maskedCsrf = csrf.json().path("token").asString();
        api.csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(java.net.HttpCookie::getValue).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no XSRF-TOKEN cookie after login"));
        return api;
    }

    URI base() {
        return base;
    }

    /** The login's cookies (session, XSRF-TOKEN) as a Cookie header, for a WebSocket handshake in this session. */
    String cookieHeader() {
        return cookies.getCookieStore().get(base).stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The masked CSRF token of {@code GET /api/csrf}, which STOMP CONNECT carries in a session-cookie handshake. */
    String stompCsrf() {
        return maskedCsrf;
    }

    Reply get(String path) {
        return call(request(path).GET());
    }

    Reply put(String path, Object body) {
        return call(request(path).PUT(json(body)).header("Content-Type", "application/json"));
    }

    Reply post(String path, Object body) {
        return call(request(path).POST(json(body)).header("Content-Type", "application/json"));
    }

    CompletableFuture<Reply> postAsync(String path, Object body) {
        return http.sendAsync(request(path).POST(json(body)).header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    Reply postRaw(String path, String contentType, byte[] body) {
        // an import file is stored before the answer: allow minutes, not the 60 s of ordinary calls
        return call(request(path).timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType));
    }

    /** A Micrometer counter's count ({@code name?tag=k:v}), or -1 when the node does not answer or has none. */
    double counter(String metric) {
        try {
            Reply r = get("/actuator/metrics/" + metric);
            return r.ok() ? r.json().path("measurements").path(0).path("value").asDouble() : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

        /** Heap in use (MB) from Micrometer, or -1 when the node does not answer. */
    long heapMb() {
        try {
            Reply r = get("/actuator/metrics/jvm.memory.used?tag=area:heap");
            return r.ok() ? (long) (r.json().path("measurements").path(0).path("value").asDouble() / 1_048_576) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (csrf != null) {
            builder.header("X-XSRF-TOKEN", csrf);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    private Reply call(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.build().uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
