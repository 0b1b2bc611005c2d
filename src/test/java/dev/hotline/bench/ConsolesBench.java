package dev.hotline.bench;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Scenario "consoles": many authenticated sessions held open (agents on their four queues, supervisors on the
 * wallboard) while the wallboard pushes; measures what is held, what failed, the push delay and the app's memory.
 */
final class ConsolesBench {

    private final Args args;
    private final HttpClient http;
    private final BenchStats pushDelay = new BenchStats();
    /** The delays of the second half of the hold: the steady state, without the backlog after the sessions opened. */
    private final BenchStats pushDelayLate = new BenchStats();
    private volatile long lateFromMillis = Long.MAX_VALUE;
    private final Map<String, Long> lastPush = new ConcurrentHashMap<>();
    private final AtomicInteger wallboardMessages = new AtomicInteger();
    private volatile boolean timestamped;

    ConsolesBench(Args args, HttpClient http) {
        this.args = args;
        this.http = http;
    }

    Map<String, Object> run() throws Exception {
        int sessions = args.integer("sessions", 10_000, 100);
        int supervisors = Math.min(sessions, args.integer("supervisors", 100, 5));
        // an agent keeps a few tabs open (several sessions, one login); every supervisor is a user of their own
        int tabs = Math.max(1, args.integer("tabs", 4, 2));
        int duration = args.integer("duration", 60, 10);
        List<URI> nodes = args.urls();
        var admins = nodes.stream().map(n -> Api.session(n, "admin", args.string("admin-password", "bench-admin-1")))
                .toList();
        String run = String.format("%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        List<String> agentUsers = Setup.names("bench" + run + "c", (sessions - supervisors + tabs - 1) / tabs);
        List<String> supervisorUsers = Setup.names("bench" + run + "s", supervisors);
        long usersStart = System.nanoTime();
        Setup.users(admins.get(0), agentUsers, "AGENT", true, 4);
        Setup.users(admins.get(0), supervisorUsers, "SUPERVISOR", false, 4);
        double usersSeconds = (System.nanoTime() - usersStart) / 1e9;

        var logins = new ArrayList<String>(sessions);
        for (int i = 0; i < sessions; i++) {
            logins.add(i < supervisors ? supervisorUsers.get(i) : agentUsers.get((i - supervisors) / tabs));
        }
        var failures = new AtomicInteger();
        var sessionCounter = new AtomicInteger();
        long connectStart = System.nanoTime();
        List<StompClient> clients;
        try (var sampler = new Report.Sampler(admins, Report.pids(args))) {
            clients = Setup.sessions(http, nodes, logins, name -> handler(name.contains(run + "s"),
                            "s" + sessionCounter.incrementAndGet()), args.integer("parallel", 16, 8), failures,
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(args.integer("connect-timeout", 600, 60)));
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            for (StompClient c : clients) {
                if (c.user().contains(run + "s")) {
                    c.subscribe("/topic/wallboard");
                } else {
                    for (String q : List.of("offers", "state", "contacts", "errors")) {
                        c.subscribe("/user/queue/" + q);
                    }
                }
            }
            System.out.printf("[consoles] %d sessions open in %.1fs, %d failed%n", clients.size(), connectSeconds,
                    failures.get());
            long holdStart = System.nanoTime();
            lateFromMillis = System.currentTimeMillis() + duration * 500L;
            try (var progress = Report.progress("consoles", () -> String.format(
                    "open=%d wallboard=%d pushP99=%dms heap=%dMB rss=%dMB", clients.stream().filter(StompClient::isOpen)
                            .count(), wallboardMessages.get(), BenchStats.percentile(pushDelay.sorted(), 99),
                    sampler.heapMbLast.get(), sampler.rssMbMax.get()))) {
                while (System.nanoTime() - holdStart < TimeUnit.SECONDS.toNanos(duration)) {
                    Thread.sleep(250);
                }
            }
            int held = (int) clients.stream().filter(StompClient::isOpen).count();
            clients.forEach(StompClient::close);
            var out = new LinkedHashMap<String, Object>();
            out.put("scenario", "consoles");
            out.put("nodes", nodes.size());
            out.put("sessions", sessions);
            out.put("supervisors", supervisors);
            out.put("users", agentUsers.size() + supervisorUsers.size());
            out.put("tabsPerAgent", tabs);
            out.put("usersCreateSeconds", Math.round(usersSeconds * 10) / 10.0);
            out.put("durationSec", duration);
            out.put("sessionsHeld", held);
            out.put("sessionsDropped", clients.size() - held);
            out.put("connectFailures", failures.get());
            out.put("connectSeconds", Math.round(connectSeconds * 10) / 10.0); // logins + handshakes
            out.put("wallboardMessages", wallboardMessages.get());
            out.put("pushDelayMsP99", BenchStats.percentile(pushDelay.sorted(), 99));
            out.put("pushDelayMs", pushDelay.summary("p50", "p99", "max"));
            out.put("pushDelayMsSecondHalf", pushDelayLate.summary("p50", "p99", "max"));
            out.put("pushDelayBasis", timestamped ? "message timestamp" : "inter-arrival jitter vs 1 s");
            out.put("heapMbMax", sampler.heapMbMax.get());
            out.put("rssMbMax", sampler.rssMbMax.get());
            return out;
        }
    }

    private Consumer<Stomp.Frame> handler(boolean supervisor, String session) {
        if (!supervisor) {
            return frame -> {
            };
        }
        return frame -> {
            if (!"MESSAGE".equals(frame.command())) {
                return;
            }
            long now = System.currentTimeMillis();
            wallboardMessages.incrementAndGet();
            Instant stamp = timestamp(Api.JSON.readTree(frame.body()));
            if (stamp != null) {
                timestamped = true;
                pushDelay.add(Math.max(0, now - stamp.toEpochMilli()));
                if (now >= lateFromMillis) {
                    pushDelayLate.add(Math.max(0, now - stamp.toEpochMilli()));
                }
            } else {
                Long previous = lastPush.put(session, now);
                if (previous != null) {
                    pushDelay.add(Math.abs(now - previous - 1000));
                }
            }
        };
    }

    /** The wallboard snapshot's own time, if it carries one under a usual name. */
    static Instant timestamp(JsonNode message) {
        for (String field : List.of("at", "timestamp", "generatedAt", "asOf", "time")) {
            JsonNode v = message.path(field);
            if (v.isString()) {
                try {
                    return Instant.parse(v.asString());
                } catch (RuntimeException e) {
                    return null;
                }
            }
            if (v.isNumber() && v.asLong() > 1_000_000_000_000L) {
                return Instant.ofEpochMilli(v.asLong());
            }
        }
        return null;
    }
}
