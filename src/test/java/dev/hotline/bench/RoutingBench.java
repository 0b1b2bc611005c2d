package dev.hotline.bench;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario "routing": N agents on real STOMP sessions, callers at R/s through the real entry point (signed Twilio
 * webhooks or POST /api/contacts), offer latency measured entry request → offer frame, outcomes read back from the
 * app after a drain.
 */
final class RoutingBench {

    private final Args args;
    private int warmup;
    private double warmupRate;
    private final List<URI> nodes;
    private final List<Api> admins = new ArrayList<>();
    private final HttpClient http;
    private final CallBook book = new CallBook();
    private final ScheduledExecutorService scheduler =
            Executors.newScheduledThreadPool(16, Report.daemon("bench-agents"));
    private final String entry;
    private final String runId = String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger entryFailures = new AtomicInteger();
    /** caller hang-ups the app did not answer within 30 s (or refused) */
    private final AtomicInteger hangUpFailures = new AtomicInteger();
    private TwilioSim twilio;
    /** entry requests in flight; 0 = unbounded (open model, as real callers) */
    private java.util.concurrent.Semaphore inFlight;

    RoutingBench(Args args, HttpClient http) {
        this.args = args;
        this.http = http;
        this.nodes = args.urls();
        this.entry = args.string("entry", "api");
        for (URI node : nodes) {
            admins.add(Api.session(node, "admin", args.string("admin-password", "bench-admin-1")));
        }
    }

    Map<String, Object> run() throws Exception {
        int agents = args.integer("agents", 500, 10);
        double rate = args.number("rate", 50, 4);
        int duration = args.integer("duration", 60, 10);
        // a node that has run a while (JIT-compiled, pools warm) is what a 24/7 hotline runs on: the first seconds of
        // a fresh JVM spend a quarter of its CPU compiling, which is not a cost per contact
        warmup = args.integer("warmup", 20, 0);
        // a quiet hour on a node that was busy before: measured at --rate, warmed at a rate that gets the hot path
        // compiled (at 5 calls/s a minute is too few calls for the JIT)
        warmupRate = args.number("warmup-rate", rate, rate);
        int drain = args.integer("drain", 40, 25);
        int patience = args.integer("patience", 60, 60);
        var timing = new AgentSim.Timing(args.integer("accept-delay-ms", 300, 200),
                args.integer("talk-min-ms", 2000, 1000), args.integer("talk-max-ms", 6000, 2000));
        int maxInFlight = args.integer("max-in-flight", 0, 0);
        inFlight = new java.util.concurrent.Semaphore(maxInFlight > 0 ? maxInFlight : Integer.MAX_VALUE);
        if (entry.equals("twilio")) {
            twilio = new TwilioSim(http, args.string("twilio-token", ""), args.string("twilio-public-base", ""),
                    nodes, args.integer("twilio-api-port", 0, 0));
            twilio.onConnected = id -> {
                CallBook.Call call = book.byContact(id);
                if (call != null) {
                    call.connected = true;
                }
            };
        }
        Api admin = admins.get(0);
        var queue = admin.put("/api/queues/hotline", Map.of());
        if (!queue.ok()) {
            throw new IllegalStateException("PUT /api/queues/hotline: " + queue.status() + " " + queue.body());
        }
        List<String> names = Setup.names("bench" + runId + "a", agents);
        Setup.users(admin, names, "AGENT", true, 4);

        var sims = new HashMap<String, AgentSim>();
        for (String n : names) {
            sims.put(n, new AgentSim(n, book, scheduler, timing, this::hangUp));
        }
        var connectFailures = new AtomicInteger();
        var clients = Setup.sessions(http, nodes, names, n -> sims.get(n)::onFrame, 8, connectFailures,
                System.nanoTime() + TimeUnit.SECONDS.toNanos(300));
        clients.forEach(c -> sims.get(c.user()).attach(c));
        System.out.printf("[routing] %d agents connected over %d node(s), %d failed%n", clients.size(), nodes.size(),
                connectFailures.get());
        Thread.sleep(1000); // AVAILABLE is asynchronous
        int warmCalls = 0;
        if (warmup > 0) {
            System.out.printf("[routing] warm-up: %d s at %.0f/s, not in the timing figures%n", warmup, warmupRate);
            warmCalls = drive(warmupRate, warmup, patience, 0);
            drainCalls(drain);
            book.measuredFrom = warmCalls;
        }
        int firstMeasured = warmCalls;

        try (var sampler = new Report.Sampler(admins, Report.pids(args));
             var progress = Report.progress("routing", () -> String.format(
                     "sent=%d offered=%d accepted=%d offers=%d p95=%dms push95=%dms overlaps=%d twoCalls=%d heap=%dMB",
                     sent.get(), count(c -> c.offered), count(c -> c.accepted), book.offers.get(),
                     BenchStats.percentile(book.offerLatency.sorted(), 95),
                     BenchStats.percentile(book.offerPush.sorted(), 95), book.overlapping(),
                     book.agentsWithTwoCalls(), sampler.heapMbLast.get()))) {
            long start = System.nanoTime();
            drive(rate, duration, patience, firstMeasured);
            double arrivalSeconds = (System.nanoTime() - start) / 1e9;
            drainCalls(drain);
            sims.values().forEach(AgentSim::stop);
            hangUpWaiting();
            Map<String, JsonNode> outcomes;
            try {
                outcomes = settledOutcomes();
            } catch (RuntimeException e) {
                // an app that cannot list its contacts any more: every contact counts as lost, which is the truth
                System.out.println("[routing] could not read the contacts back: " + e.getMessage());
                outcomes = Map.of();
            }
            int sessionsDropped = (int) clients.stream().filter(c -> !c.isOpen()).count();
            awaitQuietSockets();
            book.confirmDoubles();
            sims.values().forEach(AgentSim::logOff);
            return result(agents, rate, duration, outcomes, arrivalSeconds, sampler, connectFailures.get(),
                    sessionsDropped);
        } finally {
            scheduler.shutdownNow();
            if (twilio != null) {
                twilio.close();
            }
        }
    }

    /** Callers at a fixed rate; bounded by count (rate × duration) and by time. */
    /** Callers numbered from {@code firstSeq}; returns the number after the last one sent. */
    private int drive(double rate, int duration, int patienceSec, int firstSeq) throws InterruptedException {
        int total = (int) Math.round(rate * duration);
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        int i = 0;
        for (; i < total && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(duration + 5L); i++) {
            long due = start + i * periodNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int seq = firstSeq + i;
            arrive(seq, due);
            scheduler.schedule(() -> giveUp(seq), patienceSec, TimeUnit.SECONDS);
        }
        return firstSeq + i;
    }

    /** @param due when this caller was due (nanoTime): latency counts from then even if the driver ran late */
    private void arrive(int seq, long due) {
        // +86 138 RRR SSSSS: a valid mainland mobile number, unique per call and run
        String from = String.format("+86138%s%05d", runId, seq);
        String callSid = TwilioSim.callSid();
        var call = new CallBook.Call(seq, from, callSid, due);
        book.add(call);
        sent.incrementAndGet();
        inFlight.acquireUninterruptibly(); // bounded mode: a late arrival waits here (its latency counts from send)
        if (twilio != null) {
            call.callSidViaTwilio = true;
            twilio.incomingCall(callSid, from, "+8675586001000").whenComplete((status, e) -> {
                inFlight.release();
                if (e == null && status < 300) {
                    call.arrived = true;
                } else {
                    entryFailures.incrementAndGet();
                }
            });
        } else {
            Api node = admins.get(seq % admins.size());
            node.postAsync("/api/contacts", Map.of("channel", "VOICE", "from", from, "queue", "hotline",
                    "externalId", callSid)).whenComplete((reply, e) -> {
                inFlight.release();
                if (e == null && reply.ok()) {
                    call.arrived = true;
                    long id = reply.json().path("id").asLong(-1);
                    if (call.contactId < 0 && id > 0) {
                        book.bind(call, id);
                    }
                } else {
                    entryFailures.incrementAndGet();
                }
            });
        }
    }

    /**
     * The caller ends the call: after the talk (agent side) or when tired of waiting. Never blocks a scheduler thread
     * (a blocked generator would delay accepts and count its own slowness as the app's): waits by rescheduling.
     */
    private java.util.concurrent.CompletableFuture<Void> hangUp(CallBook.Call call) {
        var done = new java.util.concurrent.CompletableFuture<Void>();
        hangUpWhenConnected(call, 0, done);
        return done;
    }

    private void hangUpWhenConnected(CallBook.Call call, int tries, java.util.concurrent.CompletableFuture<Void> done) {
        if (call.hungUp) {
            done.complete(null);
            return;
        }
        // the talk starts when the agent's leg is up: a caller hanging up before that would be an abandon
        if (call.accepted && !call.connected && tries < 100) {
            scheduler.schedule(() -> hangUpWhenConnected(call, tries + 1, done), 100, TimeUnit.MILLISECONDS);
            return;
        }
        call.hungUp = true;
        java.util.concurrent.CompletableFuture<?> sent;
        if (twilio != null) {
            sent = twilio.callerStatus(call.callSid, "completed", call.accepted ? 3 : 0);
        } else if (call.contactId > 0) {
            sent = admins.get(call.seq % admins.size()).postAsync("/api/contacts/" + call.contactId + "/hangup",
                    Map.of());
        } else {
            sent = java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        sent.orTimeout(30, TimeUnit.SECONDS).whenComplete((reply, e) -> {
            if (e != null) {
                hangUpFailures.incrementAndGet();
            }
            done.complete(null);
        });
    }

    private void giveUp(int seq) {
        book.all().stream().filter(c -> c.seq == seq && !c.accepted).findFirst().ifPresent(this::hangUp);
    }

    private void drainCalls(int drainSec) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(drainSec);
        while (System.nanoTime() < end && book.all().stream().anyMatch(c -> c.arrived && !c.hungUp)) {
            Thread.sleep(500);
        }
    }

    /** Callers still waiting after the drain hang up, so every contact should reach a final outcome (≤ 30 s). */
    private void hangUpWaiting() throws InterruptedException {
        var pool = Executors.newFixedThreadPool(8, Report.daemon("bench-hangup"));
        book.all().stream().filter(c -> !c.hungUp && !c.accepted && (twilio != null || c.contactId > 0))
                .forEach(c -> pool.execute(() -> hangUp(c).join()));
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
            System.out.println("[routing] app too slow to take the last hang-ups; the rest stay as they are");
            pool.shutdownNow();
        }
    }

    /** Until no push has arrived for 3 s (at most a minute): a loaded node may relay the last withdrawals late. */
    private void awaitQuietSockets() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - book.lastFrameNanos < TimeUnit.SECONDS.toNanos(3) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /**
     * The contacts once the app has caught up: an overloaded node may still be working through the last hang-ups
     * when the generator is done. Read again while the number of contacts not yet ended keeps falling (at most two
     * minutes); what is still open after that is lost.
     */
    private Map<String, JsonNode> settledOutcomes() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Thread.sleep(3000);
        Map<String, JsonNode> outcomes = outcomes();
        long open = notEnded(outcomes);
        long lastProgress = System.nanoTime();
        while (open > 0 && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(20)) {
            System.out.printf("[routing] %d contact(s) not ended yet, waiting for the app%n", open);
            Thread.sleep(5000);
            outcomes = outcomes();
            long now = notEnded(outcomes);
            if (now < open) {
                lastProgress = System.nanoTime();
            }
            open = now;
        }
        return outcomes;
    }

    private long notEnded(Map<String, JsonNode> app) {
        return book.all().stream().filter(c -> c.arrived || app.containsKey(CallBook.key(c.from)))
                .filter(c -> {
                    JsonNode n = app.get(CallBook.key(c.from));
                    return n == null || !"ENDED".equals(n.path("status").asString(""));
                }).count();
    }

    /** This run's contacts as the app has them, by caller number. */
    private Map<String, JsonNode> outcomes() {
        var byKey = new HashMap<String, JsonNode>();
        Api admin = admins.get(0);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (int page = 0; page < 10_000 && System.nanoTime() < deadline; page++) {
            JsonNode body = admin.get("/api/contacts?size=200&page=" + page).json();
            JsonNode content = body.path("content");
            for (JsonNode c : content) {
                String from = c.path("from").asString("");
                if (book.byFrom(from) != null) {
                    byKey.put(CallBook.key(from), c);
                }
            }
            if (content.size() < 200) {
                break;
            }
        }
        return byKey;
    }

    private Map<String, Object> result(int agents, double rate, int duration, Map<String, JsonNode> app,
                                       double arrivalSeconds, Report.Sampler sampler, int connectFailures,
                                       int sessionsDropped) {
        // outcomes of the measured window; lost counts the warm-up's calls too (correctness is judged on every call)
        int arrived = 0, answered = 0, abandoned = 0, overflowed = 0, lost = 0, within3 = 0, warm = 0;
        for (CallBook.Call call : book.all()) {
            JsonNode c = app.get(CallBook.key(call.from));
            if (!call.arrived && c == null) {
                continue;
            }
            boolean ended = c != null && "ENDED".equals(c.path("status").asString(""));
            if (call.seq < book.measuredFrom) {
                warm++;
                lost += ended ? 0 : 1;
                continue;
            }
            arrived++;
            if (!ended) {
                lost++;
                continue;
            }
            switch (c.path("outcome").asString("")) {
                case "ANSWERED" -> {
                    answered++;
                    if (!c.path("ringsToAnswer").isNull() && c.path("ringsToAnswer").asInt(99) <= 3) {
                        within3++;
                    }
                }
                case "ABANDONED" -> abandoned++;
                case "OVERFLOWED" -> overflowed++;
                default -> {
                }
            }
        }
        var contacts = new LinkedHashMap<String, Object>();
        contacts.put("arrived", arrived);
        contacts.put("offered", count(c -> c.offered && c.seq >= book.measuredFrom));
        contacts.put("answered", answered);
        contacts.put("abandoned", abandoned);
        contacts.put("overflowed", overflowed);
        contacts.put("lost", lost);
        contacts.put("doubleOffers", book.doubleOffers());
        contacts.put("agentsWithTwoCalls", book.agentsWithTwoCalls());
        contacts.put("warmUp", warm);
        var out = new LinkedHashMap<String, Object>();
        out.put("scenario", "routing");
        out.put("nodes", nodes.size());
        out.put("agents", agents);
        out.put("ratePerSec", rate);
        out.put("durationSec", duration);
        out.put("warmupSec", warmup);
        out.put("warmupRatePerSec", warmupRate);
        out.put("entry", entry);
        out.put("contacts", contacts);
        out.put("offerLatencyMs", book.offerLatency.summary("p50", "p95", "p99", "max"));
        out.put("offerPushMs", book.offerPush.summary("p50", "p95", "p99", "max"));
        out.put("serviceLevel3Rings", answered == 0 ? 0.0 : Math.round(1000.0 * within3 / answered) / 1000.0);
        out.put("throughputPerSec", Math.round(100.0 * answered / Math.max(1, arrivalSeconds)) / 100.0);
        out.put("heapMbMax", sampler.heapMbMax.get());
        out.put("rssMbMax", sampler.rssMbMax.get());
        double cpu = sampler.nodeCpuSeconds();
        out.put("nodeCpuSeconds", cpu);
        out.put("nodeCpuMsPerContact", cpu < 0 || arrived == 0 ? -1 : Math.round(cpu * 1000 / arrived));
        out.put("cpuSecondsByProcess", sampler.cpuSplit());
        out.put("nodeCpuSecondsByThreadKind", sampler.nodeCpuByThreadKind());
        var db = sampler.countersSinceStart();
        out.put("dbConnectionsPerContact", Map.of(
                "caller", perContact(db.get("hotline.db.connections?tag=for:caller"), arrived),
                "background", perContact(db.get("hotline.db.connections?tag=for:background"), arrived)));
        out.put("journalBatches", Math.round(db.getOrDefault("hotline.routing.journal.batches", 0.0)));
        out.put("journalEntriesPerContact", perContact(db.get("hotline.routing.journal.entries"), arrived));
        out.put("agentSessionsFailed", connectFailures);
        out.put("agentSessionsDropped", sessionsDropped);
        out.put("entryFailures", entryFailures.get());
        out.put("consoleErrors", book.errors.get());
        var kinds = new java.util.TreeMap<String, Integer>();
        book.errorKinds.forEach((k, v) -> kinds.put(k, v.get()));
        out.put("consoleErrorKinds", kinds);
        out.put("hangUpFailures", hangUpFailures.get());
        out.put("staleOffers", book.staleOffers.get());
        out.put("staleAssignments", book.staleAssignments.get());
        out.put("stalePushes", book.stalePushes.get());
        if (twilio != null) {
            out.put("twilioRedirects", twilio.redirects.get());
            out.put("webhookFailures", twilio.webhookFailures.get());
        }
        return out;
    }

    private int count(java.util.function.Predicate<CallBook.Call> p) {
        return (int) book.all().stream().filter(p).count();
    }

    static Path defaultOut(Args args) {
        return Path.of(args.string("out", "target/bench/routing.json"));
    }

    /** {@code count / contacts} to two decimals; -1 when unknown. */
    private static double perContact(Double count, long contacts) {
        return count == null || contacts == 0 ? -1 : Math.round(100.0 * count / contacts) / 100.0;
    }
}
