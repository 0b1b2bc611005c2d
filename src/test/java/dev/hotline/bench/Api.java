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
    private final String authorization;

    Api(HttpClient http, URI base, String user, String password) {
        this.http = http;
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    URI base() {
        return base;
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
        return call(request(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType));
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
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Accept", "application/json");
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
