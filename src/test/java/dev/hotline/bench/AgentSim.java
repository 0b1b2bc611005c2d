package dev.hotline.bench;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One agent at a console: goes AVAILABLE, accepts every offer after a delay, talks a random time, lets the caller
 * hang up (through the entry point, see {@link RoutingBench}), finishes with a disposition and goes AVAILABLE again.
 * Frames of one socket arrive in order on one thread; the delays run on the shared scheduler.
 */
final class AgentSim {

    record Timing(long acceptDelayMs, long talkMinMs, long talkMaxMs) {
    }

    final String name;
    private final CallBook book;
    private final ScheduledExecutorService scheduler;
    private final Timing timing;
    /** hangs the caller up through the entry point; completes when the app has it */
    private final Function<CallBook.Call, CompletableFuture<Void>> callerHangsUp;
    private final Set<Long> activeVoice = ConcurrentHashMap.newKeySet();
    private volatile StompClient client;
    private volatile boolean stopping;
    private volatile long lastSeq;
    /** contacts this agent has hung up and finished; a push about one of them arriving later is stale */
    private final Set<Long> finished = ConcurrentHashMap.newKeySet();
    /** the caller hang-up scheduled at accept, by contact */
    private final Map<Long, ScheduledFuture<?>> talks = new ConcurrentHashMap<>();

    AgentSim(String name, CallBook book, ScheduledExecutorService scheduler, Timing timing,
             Function<CallBook.Call, CompletableFuture<Void>> callerHangsUp) {
        this.name = name;
        this.book = book;
        this.scheduler = scheduler;
        this.timing = timing;
        this.callerHangsUp = callerHangsUp;
    }

    void attach(StompClient client) {
        this.client = client;
        client.subscribe("/user/queue/offers");
        client.subscribe("/user/queue/state");
        client.subscribe("/user/queue/contacts");
        client.subscribe("/user/queue/errors");
        send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
    }

    boolean connected() {
        return client != null && client.isOpen();
    }

    /** Stop taking new calls: the ones on hand are finished, new offers rejected. */
    void stop() {
        stopping = true;
    }

    void logOff() {
        if (client != null) {
            client.send("/app/agent/state", "{\"state\":\"OFFLINE\"}");
            client.close();
        }
    }

    void onFrame(Stomp.Frame frame) {
        book.lastFrameNanos = System.nanoTime();
        if (!"MESSAGE".equals(frame.command())) {
            book.errors.incrementAndGet();
            return;
        }
        JsonNode m = Api.JSON.readTree(frame.body());
        String type = m.path("type").asString("");
        long contactId = m.path("contactId").asLong(-1);
        // as the browser console does: a push numbered below one already seen arrived late (relayed from another
        // node) and is superseded; acting on it would be acting on the past
        long seq = m.path("seq").asLong(0);
        if (seq > 0 && !"resume".equals(type)) {
            if (seq <= lastSeq) {
                book.stalePushes.incrementAndGet();
                if ("offer-withdrawn".equals(type)) {
                    withdrawn(contactId, m); // still tells when this agent's ring ended
                }
                return;
            }
            if (lastSeq > 0 && seq > lastSeq + 1) {
                client.send("/app/agent/resume", "{}"); // as the browser console does: a gap asks for the whole picture
            }
            lastSeq = seq;
        }
        switch (type) {
            case "offer" -> offer(contactId, m);
            case "offer-withdrawn" -> withdrawn(contactId, m);
            case "contact-assigned" -> {
                book.assigned(contactId, name);
                if (finished.contains(contactId)) {
                    // made on another node and relayed late: this agent has already hung up and finished it
                    book.staleAssignments.incrementAndGet();
                } else if ("VOICE".equals(m.path("channel").asString("")) && activeVoice.add(contactId)
                        && activeVoice.size() > 1) {
                    twoCalls("assigned " + contactId);
                }
            }
            case "contact-ended" -> {
                activeVoice.remove(contactId);
                handedBack(contactId);
            }
            case "resume" -> finishAgain(m);
            case "state" -> {
                // the PBX could not connect an accepted call (given back to routing): the hold ended then, app time
                if ("connect-failed".equals(m.path("reason").asString("")) && m.hasNonNull("contactId")) {
                    book.withdrawn(m.path("contactId").asLong(), name, millis(m, "at", System.currentTimeMillis()));
                }
                // an offer that timed out pauses the agent (ring-no-answer): a real agent would come back
                if ("BREAK".equals(m.path("state").asString("")) && !stopping) {
                    scheduler.schedule(() -> client.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}"),
                            1, TimeUnit.SECONDS);
                }
            }
            default -> {
                if (frame.header("destination") != null && frame.header("destination").endsWith("/errors")) {
                    String action = m.path("destination").asString("").replaceAll(".*/", "");
                    if ("unavailable".equals(m.path("code").asString("")) && retried(m.path("destination").asString(""))) {
                        book.errorKinds.computeIfAbsent("unavailable " + action + " (sent again)",
                                k -> new AtomicInteger()).incrementAndGet();
                        return;
                    }
                    if ("accept".equals(action)) {
                        acceptRefused(m.path("destination").asString(""));
                    }
                    book.errorKinds.computeIfAbsent(m.path("code").asString("?") + " " + action,
                            k -> new AtomicInteger()).incrementAndGet();
                    if (book.errors.incrementAndGet() <= 5) {
                        System.err.println("[routing] console error for " + name + ": " + frame.body());
                    }
                }
            }
        }
    }

    /**
     * As the browser console does: a contact this agent has already finished that the app shows active again (Redis
     * came back empty and the record had not yet caught up with the finish) is finished again, so it is applied once.
     */
    private void finishAgain(JsonNode resume) {
        for (JsonNode c : resume.path("activeContacts")) {
            long id = c.path("contactId").asLong(-1);
            if (finished.contains(id)) {
                book.errorKinds.computeIfAbsent("finished again after a rebuild", k -> new AtomicInteger())
                        .incrementAndGet();
                send("/app/agent/contacts/" + id + "/finish", "{\"disposition\":\"bench\"}");
                client.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
            }
        }
    }

    /** Sent bodies by destination, and how often each was sent again after an "unavailable" refusal. */
    private final Map<String, String> sentBodies = new ConcurrentHashMap<>();
    private final Map<String, Integer> retries = new ConcurrentHashMap<>();

    private void send(String destination, String body) {
        sentBodies.put(destination, body);
        retries.remove(destination);
        client.send(destination, body);
    }

    /**
     * As the browser console does: an action refused because a store was out (nothing applied) is sent again after the
     * problem's Retry-After (2 s), at most 10 times; false when there is nothing (more) to send again.
     */
    private boolean retried(String destination) {
        String body = sentBodies.get(destination);
        if (body == null || retries.merge(destination, 1, Integer::sum) > 10) {
            return false;
        }
        scheduler.schedule(() -> client.send(destination, body), 2, TimeUnit.SECONDS);
        return true;
    }

    private void withdrawn(long contactId, JsonNode m) {
        book.withdrawn(contactId, name, millis(m, "at", System.currentTimeMillis()));
    }

    /** An instant field of a push as epoch ms (the app's clock), or {@code absent} when the push has none. */
    private static long millis(JsonNode m, String field, long absent) {
        return m.hasNonNull(field) ? Instant.parse(m.path(field).asString()).toEpochMilli() : absent;
    }

    private void offer(long contactId, JsonNode m) {
        // pushes made on different nodes may overtake each other (the seq shows it): an offer whose ring deadline has
        // passed is stale and is ignored (same clock here; the browser console does not check this yet)
        if (millis(m, "ringDeadline", Long.MAX_VALUE) < System.currentTimeMillis()) {
            book.staleOffers.incrementAndGet();
            return;
        }
        CallBook.Call call = book.byContact(contactId);
        if (call == null) {
            call = book.byFrom(m.path("screenPop").path("from").asString(null));
        }
        if (call == null && book.recordedFrom != null) {
            // a pop without a caller of the run (the record was out when it was made) for a contact whose arrival
            // reply never came: the record says whose call it is (asked off the socket's thread)
            scheduler.execute(() -> {
                CallBook.Call recorded = book.byFrom(book.recordedFrom.apply(contactId));
                book.errorKinds.computeIfAbsent(recorded == null ? "offer of no caller of the run"
                        : "offer bound through the record", k -> new AtomicInteger()).incrementAndGet();
                offered(recorded, contactId, m);
            });
            return;
        }
        offered(call, contactId, m);
    }

    private void offered(CallBook.Call call, long contactId, JsonNode m) {
        if (call == null) {
            send("/app/agent/offers/" + contactId + "/reject", "{}");
            return; // not one of this run's callers
        }
        if (call.contactId < 0) {
            book.bind(call, contactId);
        }
        long offeredMillis = millis(m, "offeredAt", System.currentTimeMillis());
        if (m.hasNonNull("offeredAt")) {
            book.offerPush.add(Math.max(0, System.currentTimeMillis() - offeredMillis));
        }
        if (m.path("widened").asBoolean(false)) {
            book.offeredWidened(call); // ring 3: every free agent rings at once, by design
        } else {
            book.offered(call, name, offeredMillis);
        }
        if (activeVoice.contains(contactId)) {
            // as the browser console does: an accept lost with an emptied Redis, offered back to this agent by the
            // rebuild while it talks on the call, is accepted again (its talk and hang-up stay scheduled)
            book.errorKinds.computeIfAbsent("accepted again (a call it was on, offered back)", k -> new AtomicInteger())
                    .incrementAndGet();
            send("/app/agent/offers/" + contactId + "/accept", "{}");
            return;
        }
        if (stopping || !activeVoice.isEmpty()) {
            if (!activeVoice.isEmpty()) {
                twoCalls("offered " + contactId); // offered a second voice call while on one
            }
            send("/app/agent/offers/" + contactId + "/reject", "{}");
            book.released(contactId, name);
            return;
        }
        CallBook.Call accepted = call;
        scheduler.schedule(() -> accept(accepted), timing.acceptDelayMs(), TimeUnit.MILLISECONDS);
    }

    /** Counted, and the first few described, so a count above zero can be followed up in the node's log. */
    private void twoCalls(String what) {
        if (book.agentsWithTwoCalls() < 5) {
            System.err.println("[routing] " + name + " " + what + " while on " + activeVoice + " at "
                    + Instant.now());
        }
        book.twoCalls(name);
    }

    private void accept(CallBook.Call call) {
        send("/app/agent/offers/" + call.contactId + "/accept", "{}");
        call.accepted = true;
        if (!call.callSidViaTwilio) {
            call.connected = true; // API contacts are answered on accept
        }
        long talk = ThreadLocalRandom.current().nextLong(timing.talkMinMs(), timing.talkMaxMs() + 1);
        talks.put(call.contactId, scheduler.schedule(() -> hangUpAndFinish(call), talk, TimeUnit.MILLISECONDS));
    }

    /**
     * The accept came too late (the ring ended, or another agent took the call): this agent never had the call, so
     * it does not hang the caller up after its talk time, and no longer holds the offer.
     */
    private void acceptRefused(String destination) {
        Matcher id = Pattern.compile("/offers/(\\d+)/accept").matcher(destination);
        if (!id.find()) {
            return;
        }
        long contactId = Long.parseLong(id.group(1));
        var talk = talks.remove(contactId);
        if (talk != null && talk.cancel(false)) {
            CallBook.Call call = book.byContact(contactId);
            if (call != null) {
                call.accepted = false;
            }
        }
        book.released(contactId, name);
        activeVoice.remove(contactId);
    }

    /**
     * Off this agent's screen before its talk time was up: given back to routing (the PBX could not connect the call to
     * the agent's phone) or the caller hung up. The agent no longer holds it and does not hang it up later.
     */
    private void handedBack(long contactId) {
        var talk = talks.remove(contactId);
        if (talk != null && talk.cancel(false)) {
            CallBook.Call call = book.byContact(contactId);
            if (call != null && !call.hungUp) {
                call.accepted = false;
            }
        }
        book.released(contactId, name);
    }

    private void hangUpAndFinish(CallBook.Call call) {
        talks.remove(call.contactId);
        callerHangsUp.apply(call).whenComplete((v, e) -> {
            // off the call before going AVAILABLE: the next offer may arrive before send() returns
            book.released(call.contactId, name);
            finished.add(call.contactId);
            activeVoice.remove(call.contactId);
            send("/app/agent/contacts/" + call.contactId + "/finish", "{\"disposition\":\"bench\"}");
            // WRAP_UP → AVAILABLE by hand, as a fast agent would; the app's wrap-up timer is then a no-op
            client.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
        });
    }
}
