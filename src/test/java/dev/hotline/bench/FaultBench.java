package dev.hotline.bench;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario "faults", run by scripts/faults against two nodes, a MariaDB and a Redis it started: per fault, agents on
 * STOMP consoles (reconnecting to a live node when theirs is gone, sending an action refused as "unavailable" again),
 * callers through POST /api/contacts (a refused or unanswered arrival is sent again, with the same external id, to
 * the other node, as telephony does), the fault injected a third into the arrivals through
 * {@code scripts/faults --inject}, then every call's outcome read back and every agent's state checked.
 */
final class FaultBench {

    static final List<String> ALL = List.of("webhook-both-nodes", "database-restart", "redis-restart-aof",
            "redis-restart-empty", "ami-cut", "node-kill");

    private final Args args;
    private final HttpClient http;
    private final List<URI> nodes;
    private final List<Api> admins = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String runId = String.format("%02d", ThreadLocalRandom.current().nextInt(100));
    /** nodes still alive (node-kill takes the first away for good) */
    private final List<Integer> live = new java.util.concurrent.CopyOnWriteArrayList<>(List.of(0, 1));
    /** the Asterisk both nodes' adapters log in to (scenario ami-cut), when scripts/faults configured them for one */
    private final dev.hotline.telephony.asterisk.BenchPbx pbx;
    private final List<Integer> agiPorts;

    FaultBench(Args args, HttpClient http) {
        this.args = args;
        this.http = http;
        this.nodes = args.urls();
        for (URI node : nodes) {
            admins.add(Api.session(node, "admin", args.string("admin-password", "")));
        }
        int amiPort = args.integer("ami-port", 0, 0);
        try {
            this.pbx = amiPort == 0 ? null
                    : new dev.hotline.telephony.asterisk.BenchPbx(amiPort, "hotline", args.string("ami-password", ""));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        this.agiPorts = java.util.Arrays.stream(args.string("agi-ports", "").split(",")).filter(p -> !p.isBlank())
                .map(Integer::valueOf).toList();
    }

    Map<String, Object> run() throws Exception {
        var reply = admins.get(0).put("/api/queues/hotline", Map.of());
        if (!reply.ok()) {
            throw new IllegalStateException("PUT /api/queues/hotline: " + reply.status() + " " + reply.body());
        }
        var results = new ArrayList<Map<String, Object>>();
        if (args.flag("soak")) {
            System.out.println("[faults] soak");
            var result = new Run("soak", 9).go();
            System.out.printf("[faults] soak: %s%n", result);
            results.add(result);
            return scenarios(results);
        }
        List<String> names = List.of(args.string("scenarios", String.join(",", ALL)).split(","));
        int index = 0;
        for (String name : ALL) {
            if (name.equals("ami-cut") && pbx == null && names.contains(name)) {
                System.out.println("[faults] ami-cut skipped: the nodes have no Asterisk (--ami-port)");
            } else if (names.contains(name)) {
                System.out.printf("[faults] %s%n", name);
                var result = name.equals("webhook-both-nodes") ? sameWebhookToBothNodes() : new Run(name, index).go();
                System.out.printf("[faults] %s: %s%n", name, result);
                results.add(result);
            }
            index++;
        }
        return scenarios(results);
    }

    private static Map<String, Object> scenarios(List<Map<String, Object>> results) {
        var out = new LinkedHashMap<String, Object>();
        out.put("scenarios", results);
        return out;
    }

    /** Exit status 3 material: the counts that must be 0 whatever fails. */
    static List<String> wrong(Map<String, Object> result) {
        var wrong = new ArrayList<String>();
        @SuppressWarnings("unchecked")
        var scenarios = (List<Map<String, Object>>) result.get("scenarios");
        for (var s : scenarios) {
            for (String count : List.of("lost", "doubleOffers", "answeredTwice", "agentsStuck", "duplicateContacts")) {
                if (s.get(count) instanceof Number n && n.intValue() > 0) {
                    wrong.add(s.get("name") + "." + count + "=" + n);
                }
            }
        }
        return wrong;
    }

    /** The same signed Twilio call sent to both nodes at once, N times: one contact per call, each ended once. */
    private Map<String, Object> sameWebhookToBothNodes() throws Exception {
        int calls = args.integer("webhook-calls", 100, 20);
        var callSids = new ArrayList<String>();
        try (var twilio = new TwilioSim(http, args.string("twilio-token", ""), args.string("twilio-public-base", ""),
                nodes, args.integer("twilio-api-port", 0, 0))) {
            var sent = new ArrayList<CompletableFuture<Integer>>();
            for (int i = 0; i < calls; i++) {
                String sid = TwilioSim.callSid();
                callSids.add(sid);
                String from = String.format("+86139%s%06d", runId, i);
                sent.add(twilio.incomingCall(sid, from, "+8675586001000"));   // node 1
                sent.add(twilio.incomingCall(sid, from, "+8675586001000"));   // node 2, same instant
            }
            sent.forEach(CompletableFuture::join);
            Thread.sleep(2000);
            for (String sid : callSids) {
                twilio.callerStatus(sid, "completed", 0).join();
            }
            var byFrom = new HashMap<String, List<JsonNode>>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int ended;
            do {
                Thread.sleep(1000);
                byFrom.clear();
                contactsFrom("+86139" + runId).forEach(c -> byFrom.computeIfAbsent(c.path("from").asString(""),
                        k -> new ArrayList<>()).add(c));
                ended = (int) byFrom.values().stream().flatMap(List::stream)
                        .filter(c -> "ENDED".equals(c.path("status").asString(""))).count();
            } while (ended < byFrom.size() && System.nanoTime() < deadline);
            var result = scenario("webhook-both-nodes");
            result.put("contacts", calls);
            result.put("abandoned", ended);
            result.put("lost", calls - byFrom.size() + (byFrom.size() - Math.min(ended, byFrom.size())));
            result.put("duplicateContacts", byFrom.values().stream().mapToInt(l -> l.size() - 1).sum());
            result.put("recoverySeconds", 0.0);
            return result;
        }
    }

    private List<JsonNode> contactsFrom(String prefix) {
        var found = new ArrayList<JsonNode>();
        for (int page = 0; page < 200; page++) {
            JsonNode content = admin().get("/api/contacts?size=200&page=" + page).json().path("content");
            for (JsonNode c : content) {
                if (c.path("from").asString("").replace(" ", "").startsWith(prefix)) {
                    found.add(c);
                }
            }
            if (content.size() < 200) {
                break;
            }
        }
        return found;
    }

    private Api admin() {
        for (int i : live) {
            return admins.get(i);
        }
        throw new IllegalStateException("no node left");
    }

    private static Map<String, Object> scenario(String name) {
        var s = new LinkedHashMap<String, Object>();
        s.put("name", name);
        for (String count : List.of("contacts", "answered", "abandoned", "overflowed", "lost", "doubleOffers",
                "answeredTwice", "agentsStuck")) {
            s.put(count, 0);
        }
        s.put("recoverySeconds", 0.0);
        return s;
    }

    /** One load-with-a-fault scenario. */
    private final class Run {

        private final String name;
        private final CallBook book = new CallBook();
        private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(8, Report.daemon("faults"));
        private final Map<String, AgentSim> sims = new ConcurrentHashMap<>();
        private final List<String> agents;
        private final AtomicInteger refusedArrivals = new AtomicInteger();
        private volatile long restoredNanos;
        /** ami-cut: callers arrive over FastAGI and are bridged when the PBX sees their channel redirected */
        private final boolean overAsterisk;
        private final Map<String, CallBook.Call> byChannel = new ConcurrentHashMap<>();
        private final java.util.Set<Long> bridged = ConcurrentHashMap.newKeySet();
        /** callers redirected to an agent again while bridged to one: answered twice, over the PBX */
        private final java.util.Set<Long> movedWhileBridged = ConcurrentHashMap.newKeySet();
        /** when the PBX bridged a caller to an agent (System.nanoTime): recovery of ami-cut is the first after it */
        private final java.util.concurrent.ConcurrentSkipListSet<Long> bridgeTimes =
                new java.util.concurrent.ConcurrentSkipListSet<>();
        private final java.util.concurrent.ExecutorService agi = Executors.newFixedThreadPool(16, Report.daemon("agi"));
        /** soak: each fault injected, when, and how long routing took to offer again */
        private final List<Map<String, Object>> faults = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** soak: {second, node, heap used MB} every 30 s */
        private final List<double[]> heap = new java.util.concurrent.CopyOnWriteArrayList<>();

        Run(String name, int index) {
            this.name = name;
            this.overAsterisk = name.equals("ami-cut");
            this.agents = Setup.names("f" + runId + index + "a", args.integer("agents", 20, 8));
            book.recordedFrom = id -> {
                try {
                    var reply = admin().get("/api/contacts/" + id);
                    return reply.ok() ? reply.json().path("from").asString(null) : null;
                } catch (RuntimeException e) {
                    return null;
                }
            };
        }

        Map<String, Object> go() throws Exception {
            double rate = args.number("rate", 10, 3);
            boolean soak = name.equals("soak");
            int duration = soak ? args.integer("soak-minutes", 60, 60) * 60 : args.integer("duration", 45, 18);
            var timing = new AgentSim.Timing(300, 1500, 4000);
            Setup.users(admin(), agents, "AGENT", true, 4);
            agents.forEach(n -> sims.put(n, new AgentSim(n, book, scheduler, timing, this::hangUp)));
            connect(agents);
            Thread.sleep(1000);
            var reconnect = scheduler.scheduleWithFixedDelay(this::reconnect, 2, 2, TimeUnit.SECONDS);
            var bridging = overAsterisk ? scheduler.scheduleWithFixedDelay(this::bridgeRedirected, 50, 50,
                    TimeUnit.MILLISECONDS) : null;
            long started = System.nanoTime();
            var heapSampler = soak ? scheduler.scheduleAtFixedRate(() -> sampleHeap(started), 0, 30, TimeUnit.SECONDS)
                    : null;
            var fault = CompletableFuture.runAsync(() -> {
                if (soak) {
                    soakFaults(duration);
                } else {
                    inject(name, duration / 3);
                }
            });
            drive(rate, duration);
            fault.join();
            if (heapSampler != null) {
                heapSampler.cancel(false);
            }
            drain(60);
            sims.values().forEach(AgentSim::stop);
            hangUpWaiting();
            Map<String, JsonNode> outcomes = settled();
            reconnect.cancel(false);
            if (bridging != null) {
                bridging.cancel(false);
            }
            agi.shutdownNow();
            int stuck = stuckAgents();
            book.confirmDoubles();
            sims.values().forEach(AgentSim::logOff);
            scheduler.shutdownNow();
            return result(outcomes, stuck);
        }

        private void connect(List<String> names) {
            var nodesUp = live.stream().map(nodes::get).toList();
            var clients = Setup.sessions(http, nodesUp, names, n -> sims.get(n)::onFrame, 4, new AtomicInteger(),
                    System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
            clients.forEach(c -> sims.get(c.user()).attach(c));
        }

        /** Consoles whose node died (or whose socket dropped) connect again to a node that is up, as a browser does. */
        private void reconnect() {
            try {
                var gone = sims.values().stream().filter(s -> !s.connected()).map(s -> s.name).toList();
                if (!gone.isEmpty()) {
                    connect(gone);
                }
            } catch (RuntimeException e) {
                System.out.println("[faults] reconnect: " + e.getMessage());
            }
        }

        /** One fault every --fault-every seconds (5 minutes), in turn, until the arrivals end. */
        private void soakFaults(int duration) {
            List<String> kinds = List.of("database-restart", "redis-restart-aof", "redis-restart-empty", "node-kill");
            int every = args.integer("fault-every", 300, 300);
            long start = System.nanoTime();
            for (int k = 1; k * every < duration; k++) {
                long wait = start + TimeUnit.SECONDS.toNanos((long) k * every) - System.nanoTime();
                String kind = kinds.get((k - 1) % kinds.size());
                inject(kind, (int) Math.max(0, TimeUnit.NANOSECONDS.toSeconds(wait)));
                var f = new LinkedHashMap<String, Object>();
                f.put("atSecond", k * every);
                f.put("fault", kind);
                f.put("restoredNanos", restoredNanos);   // recoverySeconds once the next offers are in, at the end
                faults.add(f);
                System.out.printf("[faults] soak: %s%n", f);
            }
        }

        /** The soak's heap figure: each live node's heap in use (MB), from its metrics endpoint. */
        private void sampleHeap(long started) {
            for (int node : live) {
                try {
                    JsonNode m = admins.get(node).get("/actuator/metrics/jvm.memory.used?tag=area:heap").json();
                    double mb = m.path("measurements").path(0).path("value").asDouble(-1) / 1e6;
                    if (mb <= 0) {
                        continue;
                    }
                    heap.add(new double[] {(System.nanoTime() - started) / 1e9, node + 1, Math.round(mb * 10) / 10.0});
                } catch (RuntimeException e) {
                    // a node down for the fault: no sample this time
                }
            }
        }

        private void inject(String fault, int atSecond) {
            try {
                Thread.sleep(atSecond * 1000L);
                int outage = args.integer("outage", 10, 5);
                switch (fault) {
                    case "database-restart" -> outage("kill-db", "start-db", outage);
                    case "redis-restart-aof" -> outage("kill-redis", "start-redis", Math.min(outage, 5));
                    case "redis-restart-empty" -> outage("kill-redis", "start-redis-empty", Math.min(outage, 5));
                    case "ami-cut" -> {
                        pbx.cut();
                        System.out.printf("[faults] %s: AMI cut%n", name);
                        Thread.sleep(Math.min(outage, 5) * 1000L);
                        pbx.restore();
                        restoredNanos = System.nanoTime();
                        System.out.printf("[faults] %s: AMI restored%n", name);
                    }
                    case "node-kill" -> {
                        live.remove(Integer.valueOf(0));
                        call("kill-node-1");
                        restoredNanos = System.nanoTime();
                        if (name.equals("soak")) {   // a long run needs it back: the next kill is of node 1 again
                            Thread.sleep(20_000);
                            call("start-node-1");
                            admins.set(0, Api.session(nodes.get(0), "admin", args.string("admin-password", "")));
                            live.add(0, 0);
                        }
                    }
                    default -> throw new IllegalArgumentException(name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Median heap in use over both nodes between two run seconds (the GC saw-tooth flattened). */
        private double heapMedian(double from, double to) {
            double[] in = heap.stream().filter(h -> h[0] >= from && h[0] < to).mapToDouble(h -> h[2]).sorted().toArray();
            return in.length == 0 ? -1 : in[in.length / 2];
        }

        private void outage(String kill, String start, int seconds) throws InterruptedException {
            call(kill);
            Thread.sleep(seconds * 1000L);
            call(start);
            restoredNanos = System.nanoTime();
        }

        private void call(String action) {
            try {
                var p = new ProcessBuilder("scripts/faults", "--inject", action, args.string("run-dir", ""))
                        .inheritIO().start();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException(action + " failed");
                }
                System.out.printf("[faults] %s: %s done%n", name, action);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void drive(double rate, int duration) throws InterruptedException {
            int total = (int) Math.round(rate * duration);
            long period = (long) (1e9 / rate);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long wait = start + i * period - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                String id = overAsterisk ? java.time.Instant.now().getEpochSecond() + "." + runId + i
                        : TwilioSim.callSid();   // the Asterisk uniqueid, or the Twilio CallSid used as external id
                var call = new CallBook.Call(i, String.format("+86138%s%05d", runId + name.length(), i), id,
                        System.nanoTime());
                book.add(call);
                arrive(call, 0);
                scheduler.schedule(() -> {
                    if (!call.accepted) {
                        hangUp(call);   // tired of waiting
                    }
                }, 90, TimeUnit.SECONDS);
            }
        }

        /** Telephony's retry: the same call (external id) again, to the other node, until one takes it (60 s). */
        private void arrive(CallBook.Call call, int attempt) {
            int node = live.get((call.seq + attempt) % live.size());
            if (overAsterisk) {
                agi.execute(() -> arriveOverAgi(call, node, attempt));
                return;
            }
            admins.get(node).postAsync("/api/contacts", Map.of("channel", "VOICE", "from", call.from, "queue", "hotline",
                    "externalId", call.callSid)).orTimeout(10, TimeUnit.SECONDS).whenComplete((reply, e) -> {
                        if (e == null && reply.status() == 202) {
                            // kept while the database is out: recorded when it is back; asked again for the contact id
                            call.arrived = true;
                            book.keptArrivals.incrementAndGet();
                            scheduler.schedule(() -> arrive(call, attempt), 1, TimeUnit.SECONDS);
                        } else if (e == null && reply.ok()) {
                            call.arrived = true;
                            long id = reply.json().path("id").asLong(-1);
                            if (call.contactId < 0 && id > 0) {
                                book.bind(call, id);
                            }
                        } else if (attempt < 60) {
                            scheduler.schedule(() -> arrive(call, attempt + 1), 1, TimeUnit.SECONDS);
                        } else {
                            refusedArrivals.incrementAndGet();
                        }
                    });
        }

        /**
         * A call into the node's FastAGI server: the dialplan's AGI gives the channel its contact id. Refused (the
         * AGI failed: the dialplan's fallback), the caller dials again a second later, to the other node.
         */
        private void arriveOverAgi(CallBook.Call call, int node, int attempt) {
            String channel = "PJSIP/trunk-" + call.callSid;
            long id = -1;
            try {
                id = pbx.call(agiPorts.get(node), call.callSid, channel, call.from, "hotline");
            } catch (java.io.IOException | RuntimeException e) {
                // the node did not answer the AGI: as refused
            }
            if (id > 0) {
                byChannel.put(channel, call);
                call.arrived = true;
                if (call.contactId < 0) {
                    book.bind(call, id);
                }
            } else if (attempt < 60) {
                scheduler.schedule(() -> arrive(call, attempt + 1), 1, TimeUnit.SECONDS);
            } else {
                refusedArrivals.incrementAndGet();
            }
        }

        /** The PBX: a caller redirected to the agents' context is dialled to the agent, who answers. */
        private void bridgeRedirected() {
            try {
                for (String channel : pbx.newRedirects()) {
                    CallBook.Call call = byChannel.get(channel);
                    if (call == null || call.hungUp) {
                        continue;
                    }
                    if (bridged.add(call.contactId)) {
                        pbx.answer(call.callSid, channel);
                        call.connected = true;
                        bridgeTimes.add(System.nanoTime());
                    } else {
                        movedWhileBridged.add(call.contactId);   // taken from the agent talking with the caller
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                System.out.println("[faults] bridging: " + e);
            }
        }

        /** The caller hangs up; refused or unanswered (a store or the node is out) it is sent again, for a minute. */
        private CompletableFuture<Void> hangUp(CallBook.Call call) {
            var done = new CompletableFuture<Void>();
            if (call.hungUp || !call.arrived && !overAsterisk) {
                call.hungUp = true;   // never taken in: nothing to hang up
                done.complete(null);
                return done;
            }
            call.hungUp = true;
            if (overAsterisk) {   // on the PBX: the nodes hear it, or learn it from the live channels after a cut
                try {
                    pbx.hangUp(call.callSid, "PJSIP/trunk-" + call.callSid, bridged.contains(call.contactId));
                } catch (java.io.IOException e) {
                    System.out.println("[faults] hang-up: " + e);
                }
                done.complete(null);
                return done;
            }
            hangUp(call, 0, done);
            return done;
        }

        private void hangUp(CallBook.Call call, int attempt, CompletableFuture<Void> done) {
            int node = live.get((call.seq + attempt) % live.size());
            // an arrival whose reply never came (lost, or kept while the database was out) is named by its external id
            boolean byExternalId = call.contactId < 0;
            String path = byExternalId ? "/api/contacts/external/" + call.callSid + "/hangup"
                    : "/api/contacts/" + call.contactId + "/hangup";
            admins.get(node).postAsync(path, Map.of())
                    .orTimeout(10, TimeUnit.SECONDS).whenComplete((reply, e) -> {
                        // 404 by external id: its arrival is still on its way (sent again until it is taken in)
                        boolean notYet = e == null && byExternalId && reply.status() == 404;
                        if ((e == null && reply.status() < 500 && !notYet) || attempt >= 60) {
                            if (attempt >= 60) {
                                System.out.println("[faults] caller " + call.from + " (" + call.callSid
                                        + ") could not hang up: " + (e != null ? e : reply.status()));
                            }
                            done.complete(null);
                        } else {
                            scheduler.schedule(() -> hangUp(call, attempt + 1, done), 1, TimeUnit.SECONDS);
                        }
                    });
        }

        private void drain(int seconds) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < end && book.all().stream().anyMatch(c -> c.arrived && !c.hungUp)) {
                Thread.sleep(500);
            }
        }

        private void hangUpWaiting() {
            book.all().stream().filter(c -> !c.hungUp).map(this::hangUp).toList()
                    .forEach(f -> f.orTimeout(70, TimeUnit.SECONDS).exceptionally(e -> null).join());
        }

        /** Outcomes once the record has caught up (it is written behind): re-read while the open count falls. */
        private Map<String, JsonNode> settled() throws InterruptedException {
            Map<String, JsonNode> outcomes = Map.of();
            long open = Long.MAX_VALUE;
            long lastProgress = System.nanoTime();
            while (System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(20)) {
                Thread.sleep(2000);
                try {
                    outcomes = outcomes();
                } catch (RuntimeException e) {
                    continue;
                }
                Map<String, JsonNode> read = outcomes;
                long now = book.all().stream().filter(c -> c.arrived).filter(c -> {
                    JsonNode n = read.get(CallBook.key(c.from));
                    return n == null || !"ENDED".equals(n.path("status").asString(""));
                }).count();
                if (now == 0) {
                    break;
                }
                if (now < open) {
                    lastProgress = System.nanoTime();
                    open = now;
                }
            }
            return outcomes;
        }

        private Map<String, JsonNode> outcomes() {
            var byKey = new HashMap<String, JsonNode>();
            for (JsonNode c : contactsFrom("+86138" + runId + name.length())) {
                byKey.put(CallBook.key(c.path("from").asString("")), c);
            }
            return byKey;
        }

        /**
         * Agents left holding something after every call ended: BUSY or RESERVED, a contact or an offer on hand
         * (a ring still running ends within the ring-no-answer time, so a RESERVED agent is looked at again after it).
         */
        private int stuckAgents() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            int stuck;
            do {
                stuck = 0;
                for (String agent : agents) {
                    JsonNode s = admin().get("/api/agents/" + agent + "/state").json();
                    String state = s.path("state").asString("");
                    if (state.equals("BUSY") || state.equals("RESERVED") || !s.path("activeContacts").isEmpty()
                            || !s.path("pendingOffer").isNull() && !s.path("pendingOffer").isMissingNode()) {
                        stuck++;
                    }
                }
                if (stuck > 0) {
                    Thread.sleep(2000);
                }
            } while (stuck > 0 && System.nanoTime() < deadline);
            return stuck;
        }

        private Map<String, Object> result(Map<String, JsonNode> app, int stuck) {
            var s = scenario(name);
            int contacts = 0, answered = 0, abandoned = 0, overflowed = 0, lost = 0;
            for (CallBook.Call call : book.all()) {
                JsonNode c = app.get(CallBook.key(call.from));
                contacts++;
                if (c == null || !"ENDED".equals(c.path("status").asString(""))) {
                    lost++;   // never taken in (refused for a minute) or never ended
                    if (lost <= 5) {   // enough to follow it up in the nodes' logs
                        System.out.println("[faults] " + name + ": lost caller " + call.from + " (" + call.callSid
                                + ", contact " + call.contactId + ", arrived " + call.arrived + ", offered "
                                + call.offered + ", accepted " + call.accepted + ", hung up " + call.hungUp + "): "
                                + (c == null ? "not in the record" : c.path("status").asString("") + " contact "
                                + c.path("id").asString("")));
                    }
                    continue;
                }
                switch (c.path("outcome").asString("")) {
                    case "ANSWERED" -> answered++;
                    case "ABANDONED" -> abandoned++;
                    case "OVERFLOWED" -> overflowed++;
                    default -> {
                    }
                }
            }
            s.put("contacts", contacts);
            s.put("answered", answered);
            s.put("abandoned", abandoned);
            s.put("overflowed", overflowed);
            s.put("lost", lost);
            s.put("doubleOffers", book.doubleOffers());
            if (overAsterisk) {
                // a call the PBX could not connect is given back and taken by the next agent (the first console was
                // told it ended): two agents assigned one after the other, not answered twice; over the PBX that is a
                // caller bridged to an agent and then redirected to another
                s.put("answeredTwice", movedWhileBridged.size());
                s.put("givenBackAndTakenAgain", book.answeredTwice());
            } else {
                s.put("answeredTwice", book.answeredTwice());
            }
            s.put("agentsStuck", stuck);
            // the AMI back: recovered when the next caller is bridged to an agent; otherwise at the next offer
            Long firstOffer = restoredNanos == 0 ? null
                    : (overAsterisk ? bridgeTimes : book.offerTimes).ceiling(restoredNanos);
            s.put("recoverySeconds", firstOffer == null ? -1.0 : Math.round((firstOffer - restoredNanos) / 1e7) / 100.0);
            if (!faults.isEmpty()) {
                for (var f : faults) {
                    long restored = (Long) f.remove("restoredNanos");
                    Long offer = book.offerTimes.ceiling(restored);
                    f.put("recoverySeconds", offer == null ? -1.0 : Math.round((offer - restored) / 1e7) / 100.0);
                }
                s.put("faults", faults);
                s.put("recoverySeconds", faults.stream().mapToDouble(f -> (Double) f.get("recoverySeconds")).max()
                        .orElse(-1));
            }
            if (!heap.isEmpty()) {
                s.put("heapSamples", heap.stream().map(h -> List.of(h[0], h[1], h[2])).toList());
                s.put("heapFirstTenMinutesMb", heapMedian(0, 600));
                double end = heap.get(heap.size() - 1)[0];
                s.put("heapLastTenMinutesMb", heapMedian(end - 600, end + 1));
            }
            if (book.keptArrivals.get() > 0) {
                s.put("keptArrivalReplies", book.keptArrivals.get());
            }
            if (app.isEmpty()) {   // nothing of this run found: say what the record lists instead
                System.out.println("[faults] " + name + ": no contact from +86138" + runId + name.length()
                        + " in the record; first listed: " + admin().get("/api/contacts?size=3").body());
            }
            s.put("consoleErrors", new java.util.TreeMap<>(book.errorKinds.entrySet().stream().collect(
                    java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()))));
            return s;
        }
    }
}
