package dev.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Users and console sessions through the public API, a few at a time (each login costs the app a BCrypt check). */
final class Setup {

    static final String PASSWORD = "bench-password-1";

    private Setup() {
    }

    /** Creates the login users (409 = left from an earlier run, fine) and, for agents, their routing profile. */
    static void users(Api admin, List<String> names, String role, boolean agentProfile, int parallel) {
        var done = new AtomicInteger();
        run(names, parallel, name -> {
            var created = admin.post("/api/users", Map.of("username", name, "password", PASSWORD, "role", role));
            if (!created.ok() && created.status() != 409) {
                throw new IllegalStateException("POST /api/users " + name + ": " + created.status() + " " + created.body());
            }
            if (agentProfile) {
                // an extension too, for calls through Asterisk (the PBX dials PJSIP/<extension>)
                var profile = admin.put("/api/agents/" + name, Map.of("skills", Map.of(), "clientIdentity", name,
                        "voiceCapacity", 1, "extension", "8" + Math.floorMod(name.hashCode(), 10_000_000)));
                if (!profile.ok()) {
                    throw new IllegalStateException("PUT /api/agents/" + name + ": " + profile.status() + " " + profile.body());
                }
            }
            int n = done.incrementAndGet();
            if (n % 100 == 0 || n == names.size()) {
                System.out.printf("[setup] %s users %d/%d%n", role.toLowerCase(), n, names.size());
            }
        });
    }

    /**
     * Opens one STOMP session per name, spread round-robin over the nodes, as consoles do: one form login per user and
     * node (the one BCrypt check; sessions live on the node that created them), then every socket of that user on that
     * node (several tabs) reuses the session cookie. Failures are counted, not thrown.
     */
    static List<StompClient> sessions(HttpClient http, List<URI> nodes, List<String> names,
                                      java.util.function.Function<String, Consumer<Stomp.Frame>> handlers,
                                      int parallel, AtomicInteger failures, long deadlineNanos) {
        var logins = logins(nodes, names, parallel, deadlineNanos);
        var clients = new ArrayList<StompClient>();
        var inFlight = new java.util.concurrent.Semaphore(parallel);
        var futures = new ArrayList<CompletableFuture<StompClient>>();
        for (int i = 0; i < names.size() && System.nanoTime() < deadlineNanos; i++) {
            String name = names.get(i);
            URI base = nodes.get(i % nodes.size());
            Api login = logins.get(name + "@" + base);
            if (login == null) {
                failures.incrementAndGet();
                continue;
            }
            URI ws = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws");
            inFlight.acquireUninterruptibly();
            var f = StompClient.connect(http, ws, name, login, handlers.apply(name), Duration.ofSeconds(30))
                    .whenComplete((c, e) -> {
                        inFlight.release();
                        if (e != null) {
                            failures.incrementAndGet();
                        }
                    });
            futures.add(f);
            if ((i + 1) % 1000 == 0) {
                System.out.printf("[setup] sessions %d/%d started, %d failed%n", i + 1, names.size(), failures.get());
            }
        }
        for (var f : futures) {
            try {
                clients.add(f.join());
            } catch (RuntimeException e) {
                // counted in failures
            }
        }
        return clients;
    }

    /** One form login per distinct user and node ("user@node" → session); a failed login is reported and left out. */
    private static Map<String, Api> logins(List<URI> nodes, List<String> names, int parallel, long deadlineNanos) {
        var keys = new java.util.LinkedHashMap<String, URI>();
        for (int i = 0; i < names.size(); i++) {
            URI base = nodes.get(i % nodes.size());
            keys.putIfAbsent(names.get(i) + "@" + base, base);
        }
        var logins = new java.util.concurrent.ConcurrentHashMap<String, Api>();
        var done = new AtomicInteger();
        long start = System.nanoTime();
        run(List.copyOf(keys.keySet()), parallel, key -> {
            if (System.nanoTime() > deadlineNanos) {
                return;
            }
            try {
                logins.put(key, Api.session(keys.get(key), key.substring(0, key.indexOf('@')), PASSWORD));
            } catch (RuntimeException e) {
                System.out.printf("[setup] login %s failed: %s%n", key, e.getMessage());
            }
            int n = done.incrementAndGet();
            if (n % 500 == 0 || n == keys.size()) {
                System.out.printf("[setup] logins %d/%d, %.1f/s%n", n, keys.size(), n / ((System.nanoTime() - start) / 1e9));
            }
        });
        return logins;
    }

    private static void run(List<String> names, int parallel, Consumer<String> task) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel, Report.daemon("setup"));
        try {
            var futures = names.stream().map(n -> CompletableFuture.runAsync(() -> task.accept(n), pool)).toList();
            futures.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> names(String prefix, int count) {
        var names = new ArrayList<String>(count);
        for (int i = 1; i <= count; i++) {
            names.add(String.format("%s%05d", prefix, i));
        }
        return names;
    }
}
