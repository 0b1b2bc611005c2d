package dev.hotline.console;

import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue #18 finding 4 and the STOMP part of the security suite: a socket opened with the session cookie (as any page
 * the browser visits could open it) must send the CSRF token with CONNECT; without it or with a wrong one the server
 * answers ERROR, closes the socket and applies nothing that followed. Raw frames, so a SEND can follow CONNECT at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {"hotline.routing.key-prefix=hotline:csrf-test:",
        "hotline.notification.delivery-interval=1h"})
@Import(ConsoleFixture.class)
class StompCsrfIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    AgentPresence presence;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCookieSocketWithoutTheCsrfTokenIsClosedAndItsFramesIgnored() throws Exception {
        assertRefusedAndClosed("csrf-none-" + run, null);
    }

    @Test
    void aCookieSocketWithAWrongCsrfTokenIsClosedAndItsFramesIgnored() throws Exception {
        assertRefusedAndClosed("csrf-wrong-" + run, "d3JvbmctdG9rZW4td3JvbmctdG9rZW4td3Jvbmc=");
    }

    /** ERROR frame, no CONNECTED, socket closed, and the SEND that followed CONNECT left the agent offline. */
    private void assertRefusedAndClosed(String agent, String csrfToken) throws Exception {
        var socket = RawStomp.open(port, login(agent), csrfToken);
        assertThat(socket.awaitClose()).as("socket closed").isTrue();
        assertThat(socket.frames).anyMatch(f -> f.startsWith("ERROR"));
        assertThat(socket.frames).noneMatch(f -> f.startsWith("CONNECTED"));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> presence.status(agent).state() == AgentState.OFFLINE);
    }

    @Test
    void aCookieSocketWithTheSessionsCsrfTokenWorks() throws Exception {
        String agent = "csrf-right-" + run;
        var session = login(agent);
        var socket = RawStomp.open(port, session, session.csrfToken(port));
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(agent).state() == AgentState.AVAILABLE);
        assertThat(socket.frames).anyMatch(f -> f.startsWith("CONNECTED"));
        socket.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    @Test
    void aCookieSocketsAgentMayNotReadTheWallboardNorActAsASupervisor() throws Exception {
        String agent = "csrf-dest-" + run;
        var session = login(agent);
        var socket = RawStomp.open(port, session, session.csrfToken(port));
        socket.ws.sendText("SUBSCRIBE\nid:e\ndestination:/user/queue/errors\n\n\0", true).get();
        socket.ws.sendText("SUBSCRIBE\nid:w\ndestination:/topic/wallboard\n\n\0", true).get();
        socket.ws.sendText("SEND\ndestination:/app/supervisor/agent-state\ncontent-type:application/json\n\n"
                + "{\"agent\":\"" + agent + "\",\"state\":\"OFFLINE\"}\0", true).get();
        await().atMost(Duration.ofSeconds(10)).until(() -> socket.frames.stream()
                .filter(f -> f.startsWith("MESSAGE") && f.contains("not-permitted")).count() >= 2);
        assertThat(socket.frames).noneMatch(f -> f.startsWith("MESSAGE") && f.contains("destination:/topic/wallboard"));
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        socket.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    /** A console user logged in through the login form: the browser's session cookie. */
    private BrowserSession login(String agent) throws Exception {
        fixture.queue("csrf-" + run);
        fixture.agent(agent, "csrf-" + run);
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        var token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("login form carries a CSRF token").isTrue();
        String form = "username=" + enc(agent) + "&password=" + enc(ConsoleFixture.PASSWORD) + "&_csrf=" + enc(token.group(1));
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        assertThat(cookies.getCookieStore().getCookies()).anyMatch(c -> c.getName().equals("JSESSIONID"));
        return new BrowserSession(http, cookies);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record BrowserSession(HttpClient http, CookieManager cookies) {

        /** Every cookie the browser holds for the site (the session and, once issued, XSRF-TOKEN). */
        String cookieHeader() {
            return cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                    .collect(java.util.stream.Collectors.joining("; "));
        }

        String csrfToken(int port) throws Exception {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/csrf")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            var token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
            assertThat(token.find()).as("csrf token in " + body).isTrue();
            return token.group(1);
        }
    }

    /** STOMP frames written by hand: CONNECT (with or without a token) and, straight after, a SEND. */
    static final class RawStomp implements WebSocket.Listener {

        final ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        static RawStomp open(int port, BrowserSession session, String csrfToken) throws Exception {
            var stomp = new RawStomp();
            stomp.ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Cookie", session.cookieHeader())
                    .buildAsync(URI.create("ws://localhost:" + port + "/ws"), stomp).get();
            String token = csrfToken == null ? "" : "X-XSRF-TOKEN:" + csrfToken + "\n";
            stomp.ws.sendText("CONNECT\naccept-version:1.2\nhost:localhost\n" + token + "\n\0", true).get();
            try {
                stomp.ws.sendText("SEND\ndestination:/app/agent/state\ncontent-type:application/json\n\n"
                        + "{\"state\":\"AVAILABLE\"}\0", true).get();
            } catch (java.util.concurrent.ExecutionException closedAlready) {
                // a refused CONNECT may close the socket before the SEND is out: nothing of it can apply then
            }
            return stomp;
        }

        boolean awaitClose() {
            try {
                closed.get(10, java.util.concurrent.TimeUnit.SECONDS);
                return true;
            } catch (Exception timeout) {
                return false;
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.complete(-1);
        }
    }
}
