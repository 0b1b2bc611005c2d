package dev.hotline.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hotline.telephony.twilio.SignedWebhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays Twilio on both sides: signs the webhooks it sends to the app (HMAC-SHA1 over URL + sorted form fields, as
 * Twilio documents), and answers the app's REST redirects on a local server. A redirect to an agent is "picked up"
 * by reporting the agent leg in-progress to the status callback written in the TwiML, as Twilio would.
 */
final class TwilioSim implements AutoCloseable {

    private static final Pattern STATUS_CALLBACK = Pattern.compile("statusCallback=\"([^\"]+)\"");

    private final HttpClient http;
    private final String token;
    private final String publicBase;
    private final java.util.List<URI> nodes;
    private final AtomicInteger next = new AtomicInteger();
    private final HttpServer server;
    final AtomicInteger redirects = new AtomicInteger();
    final AtomicInteger webhookFailures = new AtomicInteger();
    /** told the contact id once the app accepted the agent leg's in-progress */
    volatile java.util.function.LongConsumer onConnected = id -> {
    };

    /**
     * @param publicBase the URL the app believes Twilio calls (it signs against it)
     * @param nodes      where the webhooks really go, in turn, as behind a load balancer
     */
    TwilioSim(HttpClient http, String token, String publicBase, java.util.List<URI> nodes, int apiPort) throws IOException {
        this.http = http;
        this.token = token;
        this.publicBase = publicBase;
        this.nodes = nodes;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", apiPort), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
    }

    CompletableFuture<Integer> incomingCall(String callSid, String from, String to) {
        return webhook("/twilio/voice", SignedWebhooks.incomingCall(callSid, from, to));
    }

    /** Caller leg over ("completed" after a talk, "no-answer"/"canceled" when the caller gave up waiting). */
    CompletableFuture<Integer> callerStatus(String callSid, String status, int durationSec) {
        return webhook("/twilio/voice/status", status(callSid, status, durationSec));
    }

    /** A call status callback as Twilio posts it (the parameter sets are the wire tests' own). */
    private static Map<String, String> status(String callSid, String status, int durationSec) {
        return SignedWebhooks.callStatus(callSid, status, durationSec, SignedWebhooks.timestamp(Instant.now()), 1);
    }

    CompletableFuture<Integer> webhook(String pathAndQuery, Map<String, String> params) {
        String form = params.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(
                        nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size())).resolve(pathAndQuery.substring(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", SignedWebhooks.signature(token, publicBase + pathAndQuery, params))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(r -> {
            if (r.statusCode() >= 300) {
                webhookFailures.incrementAndGet();
            }
            return r.statusCode();
        });
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String json;
        if (path.contains("/Calls/")) {
            String sid = path.replaceAll(".*/Calls/([^/.]+).*", "$1");
            redirects.incrementAndGet();
            pickUpAgentLeg(SignedWebhooks.restForm(body).getOrDefault("Twiml", ""));
            json = "{\"sid\": \"" + sid + "\", \"status\": \"in-progress\", \"direction\": \"inbound\"}";
        } else {
            json = "{\"sid\": \"SM" + System.nanoTime() + "\", \"status\": \"queued\"}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(path.contains("/Messages") ? 201 : 200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** The agent's softphone answers at once: Twilio reports the agent leg in-progress to our status callback. */
    private void pickUpAgentLeg(String twiml) {
        Matcher m = STATUS_CALLBACK.matcher(twiml);
        if (!m.find()) {
            return; // overflow to a phone number, or ringback again: nothing to pick up
        }
        String url = m.group(1).replace("&amp;", "&");
        if (!url.startsWith(publicBase)) {
            return;
        }
        Matcher contact = Pattern.compile("contact=(\\d+)").matcher(url);
        long contactId = contact.find() ? Long.parseLong(contact.group(1)) : -1;
        webhook(url.substring(publicBase.length()), status(callSid(), "in-progress", 0))
                .thenAccept(code -> onConnected.accept(contactId));
    }

    static String callSid() {
        return SignedWebhooks.randomSid("CA");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
