package dev.hotline.telephony.twilio;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Plays Twilio's REST API on 127.0.0.1 (random port): records every request the SDK sends and answers like Twilio
 * (a Call or Message resource, or Twilio's error JSON for numbers told to fail). One server for the whole JVM, so all
 * Twilio test classes share one application context.
 */
public final class FakeTwilioApi {

    public static final FakeTwilioApi INSTANCE = new FakeTwilioApi();

    /** What the SDK sent: method, path, form fields, Authorization header. */
    public record Captured(String method, String path, Map<String, String> form, String authorization, String body) {

        /** Every value of a parameter the SDK repeats (StatusCallbackEvent), in the order sent. */
        public List<String> all(String name) {
            return java.util.Arrays.stream(body.split("&")).filter(p -> p.startsWith(name + "="))
                    .map(p -> java.net.URLDecoder.decode(p.substring(name.length() + 1), StandardCharsets.UTF_8))
                    .toList();
        }

        public String field(String name) {
            return form.get(name);
        }
    }

    /** A Twilio error answer (status, Twilio error code, message). */
    public record Failure(int status, int code, String message) {
    }

    private final HttpServer server;
    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private final AtomicInteger sids = new AtomicInteger();
    /** In-progress child calls (the agent's leg of a {@code <Dial>}) by parent CallSid, for Calls list. */
    private final Map<String, String> children = new ConcurrentHashMap<>();

    /** Recording media by RecordingSid; a deleted recording is gone (404). */
    private final Map<String, byte[]> recordings = new ConcurrentHashMap<>();

    /** Twilio holds a recording with this audio (served as its .mp3). */
    public void recording(String recordingSid, byte[] audio) {
        recordings.put(recordingSid, audio);
    }

    public boolean hasRecording(String recordingSid) {
        return recordings.containsKey(recordingSid);
    }

    private FakeTwilioApi() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            var t = new Thread(r, "fake-twilio");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests whose path or a form field contains {@code key} (a CallSid, a phone number) fail with this error. */
    public void failFor(String key, Failure failure) {
        failures.put(key, failure);
    }

    /** Requests naming {@code key} are answered normally again. */
    public void stopFailingFor(String key) {
        failures.remove(key);
    }

    /** The call {@code parentSid} dialled {@code childSid}, which answered: Calls list finds it by ParentCallSid. */
    public void answeredChild(String parentSid, String childSid) {
        children.put(parentSid, childSid);
    }

    /** Waits (briefly) for a request matching {@code test}: the call redirects run on the adapter's executor. */
    public Captured await(Predicate<Captured> test) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            Optional<Captured> found = requests.stream().filter(test).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("The fake Twilio API received no such request; it got " + requests);
    }

    public List<Captured> matching(Predicate<Captured> test) {
        return requests.stream().filter(test).toList();
    }

    /**
     * Recordings as Twilio serves them: {@code GET …/Recordings/{Sid}.mp3} (account credentials required) answers
     * 302 to the media's storage, which takes no Authorization header (a pre-signed URL) and honours Range;
     * {@code DELETE …/Recordings/{Sid}.json} answers 204, or 404 for a recording it does not have.
     */
    private boolean recordingRequest(HttpExchange exchange, Captured captured) throws IOException {
        var media = java.util.regex.Pattern.compile(".*/Recordings/(RE[0-9a-f]{32})\\.mp3").matcher(captured.path());
        var storage = java.util.regex.Pattern.compile("/storage/(RE[0-9a-f]{32})\\.mp3").matcher(captured.path());
        var resource = java.util.regex.Pattern.compile(".*/Recordings/(RE[0-9a-f]{32})\\.json").matcher(captured.path());
        if (media.matches() && "GET".equals(captured.method())) {
            if (captured.authorization() == null || !recordings.containsKey(media.group(1))) {
                empty(exchange, captured.authorization() == null ? 401 : 404);
            } else {
                exchange.getResponseHeaders().set("Location", baseUrl() + "/storage/" + media.group(1) + ".mp3");
                empty(exchange, 302);
            }
            return true;
        }
        if (storage.matches()) {
            byte[] audio = recordings.get(storage.group(1));
            if (audio == null || captured.authorization() != null) {
                empty(exchange, audio == null ? 404 : 400);
                return true;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            exchange.getResponseHeaders().set("Content-Type", "audio/mpeg");
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            int from = 0;
            int to = audio.length - 1;
            var parsed = range == null ? null
                    : java.util.regex.Pattern.compile("bytes=(\\d+)-(\\d*)").matcher(range);
            if (parsed != null && parsed.matches()) {
                from = Integer.parseInt(parsed.group(1));
                to = parsed.group(2).isEmpty() ? to : Math.min(to, Integer.parseInt(parsed.group(2)));
                exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + audio.length);
            }
            exchange.sendResponseHeaders(parsed != null && parsed.matches() ? 206 : 200, to - from + 1);
            exchange.getResponseBody().write(audio, from, to - from + 1);
            exchange.close();
            return true;
        }
        if (resource.matches() && "DELETE".equals(captured.method())) {
            empty(exchange, recordings.remove(resource.group(1)) != null ? 204 : 404);
            return true;
        }
        return false;
    }

    private static void empty(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        // a list request (GET) carries its filters in the query string, a create or update in the form body
        var captured = new Captured(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                SignedWebhooks.restForm(body.isEmpty() && query != null ? query : body),
                exchange.getRequestHeaders().getFirst("Authorization"), body);
        requests.add(captured);
        Failure failure = failures.entrySet().stream()
                .filter(f -> captured.path().contains(f.getKey()) || captured.form().containsValue(f.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (failure == null && recordingRequest(exchange, captured)) {
            return;
        }
        String json;
        int status;
        if (failure != null) {
            status = failure.status();
            json = """
                    {"code": %d, "message": "%s", "more_info": "https://www.twilio.com/docs/errors/%d", "status": %d}"""
                    .formatted(failure.code(), failure.message(), failure.code(), failure.status());
        } else if (captured.path().endsWith("/Calls.json") && "POST".equals(captured.method())) {
            // Calls create, as Twilio answers it: 201 with the new outbound call, queued
            status = 201;
            json = """
                    {"sid": "CA%032x", "status": "queued", "direction": "outbound-api", "to": "%s", "from": "%s"}"""
                    .formatted(sids.incrementAndGet(), captured.field("To"), captured.field("From"));
        } else if (captured.path().endsWith("/Calls.json") && "GET".equals(captured.method())) {
            // Calls list, as Twilio answers it: a page of the calls matching ParentCallSid and Status
            status = 200;
            String parent = captured.field("ParentCallSid");
            String child = parent == null ? null : children.get(parent);
            String calls = child == null || !"in-progress".equals(captured.field("Status")) ? "" : """
                    {"sid": "%s", "parent_call_sid": "%s", "status": "in-progress", "direction": "outbound-dial"}"""
                    .formatted(child, parent);
            json = """
                    {"calls": [%s], "end": 0, "first_page_uri": "%s", "next_page_uri": null, "page": 0,                     "page_size": 1, "previous_page_uri": null, "start": 0, "uri": "%s"}"""
                    .formatted(calls, captured.path(), captured.path());
        } else if (captured.path().endsWith("/Participants.json") && "POST".equals(captured.method())) {
            // Participants create: 201, the participant's new call queued (its progress comes as status callbacks)
            status = 201;
            json = """
                    {"call_sid": "CA%032x", "conference_sid": "CF%032x", "coaching": %s, "call_sid_to_coach": %s,                     "muted": %s, "hold": false, "end_conference_on_exit": false, "start_conference_on_enter": true,                     "status": "queued"}"""
                    .formatted(sids.incrementAndGet(), sids.get(), "true".equals(captured.field("Coaching")),
                            captured.field("CallSidToCoach") == null ? "null"
                                    : "\"" + captured.field("CallSidToCoach") + "\"",
                            "true".equals(captured.field("Muted")));
        } else if (captured.path().contains("/Calls/")) {
            status = 200;
            String sid = captured.path().replaceAll(".*/Calls/([^/.]+).*", "$1");
            json = """
                    {"sid": "%s", "status": "in-progress", "direction": "inbound"}""".formatted(sid);
        } else if (captured.path().endsWith("/Messages.json")) {
            status = 201;
            json = """
                    {"sid": "SM%032x", "status": "queued", "to": "%s", "from": "%s", "body": "%s", "error_code": null}"""
                    .formatted(sids.incrementAndGet(), captured.field("To"), captured.field("From"), "");
        } else {
            status = 404;
            json = "{\"code\": 20404, \"message\": \"not found\", \"status\": 404}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
