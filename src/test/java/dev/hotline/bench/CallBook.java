package dev.hotline.bench;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the generator saw of every call, shared by the caller driver and the simulated agents. Calls are found by
 * contact id or by caller number (a Twilio call's contact id is only learnt from its first offer), so each call gets a
 * unique From.
 */
final class CallBook {

    /** One caller; fields written by several threads, read at the end. */
    static final class Call {
        final int seq;
        final String from;
        final String callSid;
        final long sentNanos;
        volatile long contactId = -1;
        volatile boolean arrived;
        volatile boolean offered;
        volatile boolean accepted;
        /** the agent's leg is up (Twilio: in-progress reported; API entry: answered on accept) */
        volatile boolean connected;
        volatile boolean callSidViaTwilio;
        volatile boolean hungUp;

        Call(int seq, String from, String callSid, long sentNanos) {
            this.seq = seq;
            this.from = from;
            this.callSid = callSid;
            this.sentNanos = sentNanos;
        }
    }

    private final Map<String, Call> byKey = new ConcurrentHashMap<>();
    /**
     * The caller's number as the app's record has it, for an offer of a contact this book has not bound and whose pop
     * names no caller of the run (the arrival's reply was lost or still pending); null: not asked.
     */
    volatile java.util.function.LongFunction<String> recordedFrom;
    private final Map<Long, Call> byContact = new ConcurrentHashMap<>();
    /**
     * Per contact and agent: when the app offered it to that agent and when that agent's hold ended (the app's
     * withdrawal time, or the generator's own reject/finish), epoch ms. Judged on the app's clock, not on arrival order:
     * on two nodes a withdrawal can reach one socket after the next offer reached another.
     */
    private final Map<Long, Map<String, long[]>> holds = new ConcurrentHashMap<>();
    /** contacts offered while another agent's hold was still open here: judged once every push has arrived */
    private final Set<Long> overlapping = ConcurrentHashMap.newKeySet();
    private final Set<Long> doubleOffered = ConcurrentHashMap.newKeySet();
    private final Set<String> agentsWithTwoCalls = ConcurrentHashMap.newKeySet();
    /** calls numbered below this one are the warm-up's: judged for correctness, left out of the timing figures */
    volatile int measuredFrom;
    final BenchStats offerLatency = new BenchStats();
    /** from the app's offeredAt to the frame read here: the console push alone (same machine, same clock) */
    final BenchStats offerPush = new BenchStats();
    final AtomicInteger offers = new AtomicInteger();
    /** when the last frame reached any agent's socket (System.nanoTime) */
    volatile long lastFrameNanos = System.nanoTime();
    final AtomicInteger errors = new AtomicInteger();
    /** console errors by problem code and action ("not-active finish"), to tell the harmless races from faults */
    final ConcurrentHashMap<String, AtomicInteger> errorKinds =
            new ConcurrentHashMap<>();
    /** offer frames that arrived after their ring deadline (ignored) */
    final AtomicInteger staleOffers = new AtomicInteger();
    /** arrivals answered 202: kept while the database was out (each counted every time it was asked again) */
    final AtomicInteger keptArrivals = new AtomicInteger();
    /** "contact-assigned" pushes that reached an agent after it had already hung up and finished that contact */
    final AtomicInteger staleAssignments = new AtomicInteger();
    /** pushes numbered below one the agent had already received (relayed late from another node), ignored */
    final AtomicInteger stalePushes = new AtomicInteger();

    /** The last 8 digits (run + sequence) identify a call however the app wrote the number back (+86…, spaces). */
    static String key(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("\\D", "");
        return digits.length() <= 8 ? digits : digits.substring(digits.length() - 8);
    }

    void add(Call call) {
        byKey.put(key(call.from), call);
    }

    void bind(Call call, long contactId) {
        call.contactId = contactId;
        byContact.put(contactId, call);
    }

    Call byContact(long contactId) {
        return byContact.get(contactId);
    }

    Call byFrom(String from) {
        return from == null ? null : byKey.get(key(from));
    }

    Collection<Call> all() {
        return byKey.values();
    }

    /** An offer frame arrived (offered at {@code offeredAt} on the app's clock); true when another hold is open. */
    boolean offered(Call call, String agent, long offeredAt) {
        counted(call);
        Map<String, long[]> byAgent = holds.computeIfAbsent(call.contactId, c -> new ConcurrentHashMap<>());
        boolean othersOpen = byAgent.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(agent) && e.getValue()[1] == Long.MAX_VALUE);
        byAgent.put(agent, new long[] {offeredAt, Long.MAX_VALUE});
        if (othersOpen) {
            overlapping.add(call.contactId);
        }
        return othersOpen;
    }

    /** A widened offer (every free agent rings): counted, never a double offer. */
    void offeredWidened(Call call) {
        counted(call);
    }

    /** Every offer frame counts; the call's first one gives its offer latency. */
    private void counted(Call call) {
        offers.incrementAndGet();
        offerTimes.add(System.nanoTime());
        if (!call.offered) {
            call.offered = true;
            if (call.seq >= measuredFrom) {
                offerLatency.add((System.nanoTime() - call.sentNanos) / 1_000_000);
            }
        }
    }

    /**
     * Judged at the end of the run, when every withdrawal has arrived however late a loaded node relayed it (tens of
     * seconds at overload): a double offer is two holds of one contact whose times overlap on the app's clock. A
     * withdrawal that never arrives leaves its hold open, so a lost push still counts.
     */
    void confirmDoubles() {
        overlapping.forEach(this::confirmDouble);
    }

    /** Contacts offered while another hold looked open, not yet judged. */
    int overlapping() {
        return overlapping.size();
    }

    private void confirmDouble(long contactId) {
        Map<String, long[]> byAgent = holds.get(contactId);
        if (byAgent == null) {
            return;
        }
        var list = List.copyOf(byAgent.values());
        for (int i = 0; i < list.size(); i++) {
            for (int j = i + 1; j < list.size(); j++) {
                long[] a = list.get(i);
                long[] b = list.get(j);
                if (a[0] < b[1] && b[0] < a[1]) {
                    if (doubleOffered.add(contactId) && doubleOffered.size() <= 3) {
                        var described = new StringBuilder();
                        byAgent.forEach((agent, h) -> described.append(' ').append(agent).append(" [")
                                .append(Instant.ofEpochMilli(h[0])).append(", ")
                                .append(h[1] == Long.MAX_VALUE ? "open" : Instant.ofEpochMilli(h[1]))
                                .append(')'));
                        System.err.println("[routing] double offer of contact " + contactId + ":" + described);
                    }
                    return;
                }
            }
        }
    }

    /** The agent let the contact go (rejected, refused, finished): its hold ends now. */
    void released(long contactId, String agent) {
        ended(contactId, agent, System.currentTimeMillis());
    }

    /** The app withdrew the offer at {@code at} (its clock). */
    void withdrawn(long contactId, String agent, long at) {
        ended(contactId, agent, at);
    }

    private void ended(long contactId, String agent, long at) {
        Map<String, long[]> byAgent = holds.get(contactId);
        long[] hold = byAgent == null ? null : byAgent.get(agent);
        if (hold != null) {
            hold[1] = Math.max(hold[0], Math.min(hold[1], at)); // the earliest word wins: the app's time is exact
        }
    }

    /** Per contact, the agents told it was theirs ("contact-assigned"): more than one is a contact answered twice. */
    private final Map<Long, Set<String>> assignedTo = new ConcurrentHashMap<>();
    /** When offer frames arrived (System.nanoTime), for how long routing took to come back after a fault. */
    final java.util.concurrent.ConcurrentSkipListSet<Long> offerTimes = new java.util.concurrent.ConcurrentSkipListSet<>();

    void assigned(long contactId, String agent) {
        assignedTo.computeIfAbsent(contactId, c -> ConcurrentHashMap.newKeySet()).add(agent);
    }

    int answeredTwice() {
        return (int) assignedTo.values().stream().filter(agents -> agents.size() > 1).count();
    }

    void twoCalls(String agent) {
        agentsWithTwoCalls.add(agent);
    }

    int doubleOffers() {
        return doubleOffered.size();
    }

    int agentsWithTwoCalls() {
        return agentsWithTwoCalls.size();
    }
}
