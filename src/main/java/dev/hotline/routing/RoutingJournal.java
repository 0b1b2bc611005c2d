package dev.hotline.routing;

import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactRecords;
import dev.hotline.contact.ContactTransition;
import dev.hotline.shared.Outages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes routing's journal (the Redis stream every routing script appends to) behind into the contact record. One node
 * at a time holds the writer's lease, so entries are recorded in order; it reads them through a consumer group and
 * acknowledges a batch only after the record committed it. A writer that dies mid-batch leaves its entries pending
 * under the shared consumer name: the next lease holder records them first (the record skips what it already has).
 * While the database is down entries wait in Redis and are written when it is back.
 */
@Component
class RoutingJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RoutingJournal.class);
    private static final String GROUP = "recorder";
    private static final String CONSUMER = "writer";
    private static final long LEASE_MS = 5_000;
    /** failed batches (not outages) after which entries are written one by one to find the one refused */
    private static final int POISON_AFTER = 3;

    private final RedisClient redis;
    private final ContactRecords records;
    private final LuaScripts scripts;
    private final String prefix;
    private final String stream;
    private final String parked;
    private final String node = UUID.randomUUID().toString();
    private final RoutingProperties.Journal settings;
    private volatile boolean running;
    private volatile Thread thread;
    private final Counter batches;
    private final Counter entriesRecorded;
    private final Counter parkedEntries;

    RoutingJournal(RedisClient redis, ContactRecords records, RoutingProperties properties,
                   ObjectProvider<MeterRegistry> meters) {
        this.redis = redis;
        this.records = records;
        this.prefix = properties.keyPrefix();
        this.stream = prefix + "journal";
        this.parked = prefix + "journal:parked";
        this.settings = properties.journal();
        this.scripts = new LuaScripts(redis, null);
        MeterRegistry m = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        Gauge.builder("hotline.routing.journal.backlog", this::backlog)
                .description("Contact transitions not yet written to the database").register(m);
        batches = Counter.builder("hotline.routing.journal.batches")
                .description("Transactions that wrote journal entries to the contact record").register(m);
        entriesRecorded = Counter.builder("hotline.routing.journal.entries")
                .description("Journal entries written to the contact record").register(m);
        parkedEntries = Counter.builder("hotline.routing.journal.parked")
                .description("Journal entries the contact record refused, moved to the parked stream").register(m);
    }

    private void run() {
        boolean pending = true;   // first what an earlier holder read but did not acknowledge
        long leaseRenewed = 0;
        int failures = 0;
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (now - leaseRenewed > LEASE_MS / 3) {
                    if (!holdLease()) {
                        pending = true;
                        pause(LEASE_MS / 5);
                        continue;
                    }
                    leaseRenewed = now;
                }
                List<StreamEntry> entries = read(pending);
                if (entries.isEmpty()) {
                    pending = false;
                    continue;
                }
                if (failures >= POISON_AFTER) {
                    recordOneByOne(entries);
                } else {
                    records.record(transitions(entries));
                    done(entries);
                }
                if (failures > 0) {
                    log.info("Contact journal written again after {} failed attempt(s)", failures);
                    failures = 0;
                }
            } catch (RuntimeException e) {
                if (e instanceof JedisDataException && String.valueOf(e.getMessage()).startsWith("NOGROUP")) {
                    createGroup();
                } else if (running) {
                    // an outage keeps every entry waiting; anything else may be one entry the record refuses
                    failures = Outages.isOutage(e) ? Math.min(failures + 1, POISON_AFTER - 1) : failures + 1;
                    if (failures == 1 || failures % 50 == 0) {
                        log.warn("Contact journal not written ({} attempt(s)); the entries wait in Redis and are retried: {}",
                                failures, e.toString());
                    }
                    pause(Math.min(2_000, 50L << Math.min(failures, 6)));
                }
                pending = true;
            }
        }
    }

    /**
     * After repeated failures that were no outage: each entry alone, so one the record refuses (a bug, a constraint)
     * cannot hold up every later contact. A refused entry is moved to the parked stream with its error, logged as an
     * error with what to do, and counted; the others are written. An outage meanwhile throws and is retried as a batch.
     */
    private void recordOneByOne(List<StreamEntry> entries) {
        for (StreamEntry entry : entries) {
            try {
                records.record(transitions(List.of(entry)));
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    throw e;
                }
                var fields = new java.util.HashMap<>(entry.getFields());
                fields.put("error", String.valueOf(e).substring(0, Math.min(500, String.valueOf(e).length())));
                redis.xadd(parked, XAddParams.xAddParams(), fields);
                parkedEntries.increment();
                log.error("Journal entry {} of contact {} cannot be recorded and is parked in Redis stream {}: {}. "
                        + "Fix the cause, then move it back with XADD {} * <its fields> (see docs/operations.md).",
                        entry.getID(), entry.getFields().get("c"), parked, e.toString(), stream);
            }
            done(List.of(entry));
        }
    }

    private void done(List<StreamEntry> entries) {
        StreamEntryID[] ids = entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new);
        redis.xack(stream, GROUP, ids);
        redis.xdel(stream, ids);
        batches.increment();
        entriesRecorded.increment(ids.length);
    }

    private List<StreamEntry> read(boolean pending) {
        var params = XReadGroupParams.xReadGroupParams().count(settings.batchSize());
        if (!pending) {
            params.block((int) settings.maxDelay().toMillis());
        }
        var id = pending ? new StreamEntryID(0, 0) : StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY;
        Map<String, List<StreamEntry>> read = redis.xreadGroupAsMap(GROUP, CONSUMER, params, Map.of(stream, id));
        if (read == null) {
            return List.of();
        }
        List<StreamEntry> entries = read.get(stream);
        return entries == null ? List.of() : entries;
    }

    static List<ContactTransition> transitions(List<StreamEntry> entries) {
        var out = new ArrayList<ContactTransition>(entries.size());
        for (StreamEntry e : entries) {
            Map<String, String> f = e.getFields();
            String outcome = f.getOrDefault("o", "");
            out.add(new ContactTransition(Long.parseLong(f.get("c")), seq(e.getID()),
                    ContactTransition.Kind.valueOf(f.get("k")), time(f),
                    blankToNull(f.get("a")), blankToNull(f.get("q")), Long.parseLong(f.getOrDefault("rp", "0")),
                    outcome.isEmpty() ? null : ContactOutcome.valueOf(outcome), "1".equals(f.get("rq")),
                    blankToNull(f.get("r"))));
        }
        return out;
    }

    /** The transition's time: to the microsecond where telephony reported it so, else the routing millisecond. */
    private static Instant time(Map<String, String> f) {
        String us = f.get("us");
        if (us != null && !us.isEmpty()) {
            long micros = Long.parseLong(us);
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000);
        }
        return Instant.ofEpochMilli(Long.parseLong(f.get("t")));
    }

    /** Stream ids grow with time and within a millisecond, also across a Redis restart: a sequence for the record. */
    static long seq(StreamEntryID id) {
        return id.getTime() * 100_000 + Math.min(id.getSequence(), 99_999);
    }

    private boolean holdLease() {
        return Long.valueOf(1).equals(scripts.run("dev/hotline/routing/lua/lease.lua",
                List.of(prefix, node, Long.toString(LEASE_MS))));
    }

    private void createGroup() {
        try {
            redis.xgroupCreate(stream, GROUP, new StreamEntryID(0, 0), true);
        } catch (JedisDataException exists) {
            if (!String.valueOf(exists.getMessage()).startsWith("BUSYGROUP")) {
                throw exists;
            }
        }
    }

    private long backlog() {
        try {
            return redis.xlen(stream);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static void pause(long millis) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public void start() {
        createGroup();
        running = true;
        Thread t = new Thread(this::run, "contact-journal");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            try {
                t.join(settings.maxDelay().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            // hand the lease on at once rather than after it expires
            redis.eval("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
                    List.of(prefix + "journal:lease"), List.of(node));
        } catch (RuntimeException e) {
            log.debug("Journal lease not released: {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
