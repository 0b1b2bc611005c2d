package dev.hotline.bench;

import java.util.Collection;
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
    private final Map<Long, Call> byContact = new ConcurrentHashMap<>();
    /** contact → agents whose (non-widened) offer is ringing or who accepted it */
    private final Map<Long, Set<String>> holders = new ConcurrentHashMap<>();
    private final Set<Long> doubleOffered = ConcurrentHashMap.newKeySet();
    private final Set<String> agentsWithTwoCalls = ConcurrentHashMap.newKeySet();
    final BenchStats offerLatency = new BenchStats();
    /** from the app's offeredAt to the frame read here: the console push alone (same machine, same clock) */
    final BenchStats offerPush = new BenchStats();
    final AtomicInteger offers = new AtomicInteger();
    final AtomicInteger errors = new AtomicInteger();
    /** console errors by problem code and action ("not-active finish"), to tell the harmless races from faults */
    final java.util.concurrent.ConcurrentHashMap<String, AtomicInteger> errorKinds =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** offer frames that arrived after their ring deadline (ignored) */
    final AtomicInteger staleOffers = new AtomicInteger();
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
        return byKey.get(key(from));
    }

    Collection<Call> all() {
        return byKey.values();
    }

    /** An offer frame arrived; returns whether another agent still holds it (a double offer unless widened). */
    boolean offered(Call call, String agent) {
        offers.incrementAndGet();
        if (!call.offered) {
            call.offered = true;
            offerLatency.add((System.nanoTime() - call.sentNanos) / 1_000_000);
        }
        Set<String> set = holders.computeIfAbsent(call.contactId, c -> ConcurrentHashMap.newKeySet());
        set.add(agent);
        return set.size() > 1;
    }

    /** Checked after a grace period, since the other agent's withdrawal travels on another socket. */
    void confirmDouble(long contactId) {
        Set<String> set = holders.get(contactId);
        if (set != null && set.size() > 1) {
            doubleOffered.add(contactId);
        }
    }

    void released(long contactId, String agent) {
        Set<String> set = holders.get(contactId);
        if (set != null) {
            set.remove(agent);
        }
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
