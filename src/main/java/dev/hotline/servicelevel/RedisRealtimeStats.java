package dev.hotline.servicelevel;

import dev.hotline.contact.ContactAbandoned;
import dev.hotline.contact.ContactAnswered;
import dev.hotline.contact.ContactEnded;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactOverflowed;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.AgentStateChanged;
import dev.hotline.routing.CallbackRequested;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.routing.ContactQueued;
import dev.hotline.routing.ContactTransferred;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingProperties;
import dev.hotline.routing.RoutingStatus;
import org.springframework.scheduling.annotation.Scheduled;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.RingClock;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;
import redis.clients.jedis.params.SetParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The wallboard read model. Counters live in Redis so every node reports the same figures: a hash per queue and
 * business day (counts, sums, and per-15-minute slot service level), a hash per queue and minute for the rolling
 * 15 minutes, a sorted set of waiting contacts per queue (score = arrival), and a hash of agent states. The
 * overall figures are kept under queue "*". Snapshots are cached for half a second (wallboard pushes, REST, gauges).
 */
@Component
class RedisRealtimeStats implements RealtimeStats {

    static final String ALL = "*";
    private static final long DAY_TTL = Duration.ofDays(3).toSeconds();
    private static final long MINUTE_TTL = Duration.ofMinutes(20).toSeconds();

    private final RedisClient redis;
    /** Routing's key prefix (one namespace per installation) + "stats:". */
    private final String P;
    private final ContactRouting live;
    private final RoutingAdministration routing;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private final StatsDay day;
    private final int targetRings;
    private final Duration shortAbandon;
    private final double target;
    private final int alertMinOffered;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();
    private volatile WallboardSnapshot cached;
    private volatile List<AgentProfile> agents = List.of();
    private volatile Set<String> agentNames = Set.of();
    private volatile Instant agentsLoaded = Instant.EPOCH;

    RedisRealtimeStats(RedisClient redis, RoutingAdministration routing, ContactRouting live,
                       RoutingProperties routingProperties, ApplicationEventPublisher events, MeterRegistry meters,
                       ServiceLevelProperties properties) {
        this.redis = redis;
        this.P = routingProperties.keyPrefix() + "stats:";
        this.live = live;
        this.routing = routing;
        this.events = events;
        this.meters = meters;
        this.targetRings = properties.targetRings();
        this.shortAbandon = properties.shortAbandon();
        this.target = properties.target();
        this.alertMinOffered = properties.alertMinOffered();
        this.day = new StatsDay(properties.dayZone(), properties.dayReset());
    }

    @EventListener
    void on(ContactQueued e) {
        redis.zadd(P + "waiting:" + e.queue(), e.arrivedAt().toEpochMilli(), e.contactId().toString());
        if (e.channel().isVoice()) {
            // the three-ring clock of a call: counted as missed the moment it passes the target ring unanswered
            Instant passes = new RingClock(live.queue(e.queue()).ringPeriod()).startOfRing(e.arrivedAt(), targetRings + 1);
            redis.zadd(P + "ringing", passes.toEpochMilli(), e.contactId().toString());
            redis.hset(P + "ringing:q", e.contactId().toString(), e.queue());
        }
        count(e.queue(), e.arrivedAt(), "offered", 1);
        moved();
    }

    /**
     * A transfer: waiting again in its new queue with its original arrival, but offered once already (not counted as
     * offered a second time); a call handed to a named agent rings at once and waits nowhere.
     */
    @EventListener
    void on(ContactTransferred e) {
        stopWaiting(e.fromQueue(), e.contactId());
        if (e.toAgent() == null) {
            redis.zadd(P + "waiting:" + e.toQueue(), e.arrivedAt().toEpochMilli(), e.contactId().toString());
        }
        moved();
    }

    @EventListener
    void on(ContactAssigned e) {
        stopWaiting(e.queue(), e.contactId());
        moved();
    }

    /**
     * A waiting caller left a number: no longer a call waiting on the line (nor one that can still miss the third
     * ring), counted as a waiting callback until it is answered or ends.
     */
    @EventListener
    void on(CallbackRequested e) {
        stopWaiting(e.queue(), e.contactId());
        forgetRinging(e.contactId().toString());
        redis.zadd(P + "callbacks:" + e.queue(), e.arrivedAt().toEpochMilli(), e.contactId().toString());
        redis.hset(P + "callbacks", e.contactId().toString(), e.queue());
        moved();
    }

    /** True (once) when the contact was a queued callback: it leaves the callbacks waiting. */
    private boolean wasCallback(ContactId id) {
        String queue = redis.hget(P + "callbacks", id.toString());
        if (queue == null) {
            return false;
        }
        redis.zrem(P + "callbacks:" + queue, id.toString());
        return redis.hdel(P + "callbacks", id.toString()) == 1;
    }

    @EventListener
    void on(ContactAnswered e) {
        if (wasCallback(e.contactId())) {
            // called back: the customer waited off the line, so no answer of the three-ring rule
            count(e.queue(), e.answeredAt(), "callback_answered", 1);
            moved();
            return;
        }
        if (!e.inbound()) {
            // an agent's outbound call: nobody waited, so it is no answer of the queue and no three-ring figure
            count(e.queue(), e.answeredAt(), "outbound_answered", 1);
            moved();
            return;
        }
        stopWaiting(e.queue(), e.contactId());
        count(e.queue(), e.answeredAt(), "answered", 1);
        count(e.queue(), e.answeredAt(), "asa_ms", Duration.between(e.arrivedAt(), e.answeredAt()).toMillis());
        if (e.channel().isVoice() && !countedAsMissed(e.contactId())) {
            serviceLevel(e.queue(), e.answeredAt(), e.ringsToAnswer() <= targetRings);
        }
        moved();
    }

    @EventListener
    void on(ContactAbandoned e) {
        stopWaiting(e.queue(), e.contactId());
        count(e.queue(), e.abandonedAt(), "abandoned", 1);
        if (e.channel().isVoice() && !countedAsMissed(e.contactId())
                && Duration.between(e.arrivedAt(), e.abandonedAt()).compareTo(shortAbandon) >= 0) {
            serviceLevel(e.queue(), e.abandonedAt(), false);
        }
        moved();
    }

    @EventListener
    void on(ContactOverflowed e) {
        stopWaiting(e.queue(), e.contactId());
        count(e.queue(), e.overflowedAt(), "overflowed", 1);
        if (e.channel().isVoice() && !countedAsMissed(e.contactId())) {
            serviceLevel(e.queue(), e.overflowedAt(), false);
        }
        moved();
    }

    @EventListener
    void on(ContactEnded e) {
        stopWaiting(e.queue(), e.contactId());
        wasCallback(e.contactId());
        if (e.outcome() == ContactOutcome.ANSWERED && e.answeredAt() != null) {
            count(e.queue(), e.endedAt(), "handled", 1);
            count(e.queue(), e.endedAt(), "handle_ms", Duration.between(e.answeredAt(), e.endedAt()).toMillis());
        }
        moved();
    }

    @EventListener
    void on(AgentStateChanged e) {
        if (e.to() == AgentState.OFFLINE) {
            redis.hdel(P + "agents", e.agent());
        } else {
            redis.hset(P + "agents", e.agent(), e.to().name());
        }
        moved();
    }

    /**
     * ({@code ringing}: each waiting call by the moment it passes the target ring.) A call still ringing past it has missed the three-ring rule now, not when it is finally answered or
     * given up: counted at once (once across all nodes), so the wallboard does not show 100 % while callers wait.
     * A call an agent has already taken is left to its answer, whose rings tell.
     */
    @Scheduled(fixedDelayString = "${hotline.servicelevel.sweep-interval:1s}")
    void countMissed() {
        long now = clock.millis();
        for (Tuple ringing : redis.zrangeByScoreWithScores(P + "ringing", 0, now, 0, 500)) {
            String id = ringing.getElement();
            String queue = redis.hget(P + "ringing:q", id);
            var contact = ContactId.of(id);
            if (queue == null) {
                forgetRinging(id);
                continue;
            }
            Instant passed = Instant.ofEpochMilli((long) ringing.getScore());
            RoutingStatus status = live.status(contact);
            if (status == RoutingStatus.ASSIGNED) {
                continue;
            }
            if ((status == RoutingStatus.WAITING || status == RoutingStatus.OFFERED) && redis.sadd(P + "missed", id) == 1) {
                serviceLevel(queue, passed, false);
                moved();
            }
            forgetRinging(id);
        }
    }

    /** True when the contact was already counted as missed (then its end does not count a second time). */
    private boolean countedAsMissed(ContactId id) {
        forgetRinging(id.toString());
        return redis.srem(P + "missed", id.toString()) == 1;
    }

    private void forgetRinging(String id) {
        redis.zrem(P + "ringing", id);
        redis.hdel(P + "ringing:q", id);
    }

    /** The cached snapshot is out of date; pushes that wait for the next tick would be up to a second late. */
    private void moved() {
        cached = null;
        events.publishEvent(new WallboardMoved(clock.instant()));
    }

    private void stopWaiting(String queue, ContactId id) {
        if (queue != null) {
            redis.zrem(P + "waiting:" + queue, id.toString());
        }
    }

    private void count(String queue, Instant at, String field, long by) {
        for (String q : List.of(queue, ALL)) {
            String key = dayKey(q, day.of(at));
            redis.hincrBy(key, field, by);
            redis.expire(key, DAY_TTL);
        }
    }

    /** One contact counted for the three-ring rule (answered, abandoned after the short threshold, overflowed). */
    private void serviceLevel(String queue, Instant at, boolean inTime) {
        int slot = day.slot(at);
        long minute = at.getEpochSecond() / 60;
        for (String q : List.of(queue, ALL)) {
            String dk = dayKey(q, day.of(at));
            redis.hincrBy(dk, "sl_offered", 1);
            redis.hincrBy(dk, "slot_off:" + slot, 1);
            String mk = P + "m:" + q + ":" + minute;
            redis.hincrBy(mk, "off", 1);
            if (inTime) {
                redis.hincrBy(dk, "sl_in", 1);
                redis.hincrBy(dk, "slot_in:" + slot, 1);
                redis.hincrBy(mk, "in", 1);
            }
            redis.expire(mk, MINUTE_TTL);
        }
        alertIfBelowTarget(queue, at);
    }

    /** Once per crossing across all nodes (SET NX on a flag that clears when the level recovers). */
    private void alertIfBelowTarget(String queue, Instant at) {
        long[] rolling = rolling(queue, at);
        if (rolling[0] < alertMinOffered) {
            return;
        }
        double level = (double) rolling[1] / rolling[0];
        String flag = P + "below:" + queue;
        if (level < target) {
            if ("OK".equals(redis.set(flag, "1", SetParams.setParams().nx().ex(900)))) {
                events.publishEvent(new ServiceLevelAlert(queue, "15m", level, target, at));
            }
        } else {
            redis.del(flag);
        }
    }

    /** {offered, in time} over the last 15 minutes. */
    private long[] rolling(String queue, Instant at) {
        long minute = at.getEpochSecond() / 60;
        long off = 0, in = 0;
        for (long m = minute - 14; m <= minute; m++) {
            var h = redis.hgetAll(P + "m:" + queue + ":" + m);
            off += parse(h.get("off"));
            in += parse(h.get("in"));
        }
        return new long[]{off, in};
    }

    @Override
    public WallboardSnapshot snapshot() {
        WallboardSnapshot s = cached;
        Instant now = clock.instant();
        if (s == null || Duration.between(s.at(), now).toMillis() >= 500) {
            s = compute(now);
            cached = s;
            registerGauges(s);
        }
        return s;
    }

    @Override
    public WallboardSnapshot fresh() {
        WallboardSnapshot s = compute(clock.instant());
        cached = s;
        registerGauges(s);
        return s;
    }

    private WallboardSnapshot compute(Instant now) {
        LocalDate today = day.of(now);
        Map<String, String> agentStates = redis.hgetAll(P + "agents");
        List<AgentProfile> profiles = profiles(now, agentStates.keySet());
        var tiles = new ArrayList<QueueFigures>();
        for (QueueSettings q : routing.queues()) {
            tiles.add(figures(q.name(), q.ringPeriod(), today, now, byState(agentStates, q, profiles)));
        }
        var all = new TreeMap<String, Long>();
        agentStates.values().forEach(st -> all.merge(st, 1L, Long::sum));
        long waiting = tiles.stream().mapToLong(QueueFigures::waiting).sum();
        long callbacks = tiles.stream().mapToLong(QueueFigures::callbacksWaiting).sum();
        var longest = tiles.stream().max((a, b) -> Long.compare(a.longestWaitSeconds(), b.longestWaitSeconds()));
        var overall = figures(ALL, null, today, now, all);
        overall = new QueueFigures(ALL, waiting, longest.map(QueueFigures::longestWaitSeconds).orElse(0L),
                longest.map(QueueFigures::longestWaitRings).orElse(0), all, overall.serviceLevel15m(),
                overall.serviceLevelToday(), overall.offeredToday(), overall.answeredToday(), overall.abandonedToday(),
                overall.overflowedToday(), overall.averageSpeedOfAnswerSeconds(), overall.averageHandleTimeSeconds(),
                overall.serviceLevelSlots(), callbacks);
        return new WallboardSnapshot(now, day.start(today), target, targetRings, overall, tiles);
    }

    /** One pipelined round trip per tile: the day hash, the waiting set and the last 15 minute hashes. */
    private QueueFigures figures(String queue, Duration ringPeriod, LocalDate today, Instant now,
                                 Map<String, Long> agentsByState) {
        String waitingKey = P + "waiting:" + queue;
        long minute = now.getEpochSecond() / 60;
        Response<Map<String, String>> dayHash;
        Response<Long> count;
        Response<List<Tuple>> oldestEntry;
        Response<Long> callbacks;
        var minutes = new ArrayList<Response<Map<String, String>>>();
        try (var pipe = redis.pipelined()) {
            dayHash = pipe.hgetAll(dayKey(queue, today));
            count = pipe.zcard(waitingKey);
            oldestEntry = pipe.zrangeWithScores(waitingKey, 0, 0);
            callbacks = pipe.zcard(P + "callbacks:" + queue);
            for (long m = minute - 14; m <= minute; m++) {
                minutes.add(pipe.hgetAll(P + "m:" + queue + ":" + m));
            }
            pipe.sync();
        }
        Map<String, String> h = dayHash.get();
        long waiting = 0, longestSeconds = 0;
        int longestRings = 0;
        if (ringPeriod != null) {
            waiting = count.get();
            var oldest = oldestEntry.get();
            if (!oldest.isEmpty()) {
                Instant arrived = Instant.ofEpochMilli((long) oldest.get(0).getScore());
                longestSeconds = Math.max(0, Duration.between(arrived, now).toSeconds());
                longestRings = new RingClock(ringPeriod).ringAt(arrived, now);
            }
        }
        long rollingOffered = 0, rollingInTime = 0;
        for (var m : minutes) {
            rollingOffered += parse(m.get().get("off"));
            rollingInTime += parse(m.get().get("in"));
        }
        long answered = parse(h.get("answered"));
        long handled = parse(h.get("handled"));
        var slots = new ArrayList<Double>();
        for (int i = 0; i <= day.slot(now); i++) {
            slots.add(ratio(parse(h.get("slot_in:" + i)), parse(h.get("slot_off:" + i))));
        }
        return new QueueFigures(queue, waiting, longestSeconds, longestRings, agentsByState,
                ratio(rollingInTime, rollingOffered), ratio(parse(h.get("sl_in")), parse(h.get("sl_offered"))),
                parse(h.get("offered")), answered, parse(h.get("abandoned")), parse(h.get("overflowed")),
                answered == 0 ? null : parse(h.get("asa_ms")) / 1000.0 / answered,
                handled == 0 ? null : parse(h.get("handle_ms")) / 1000.0 / handled, slots,
                ringPeriod == null ? 0 : callbacks.get());
    }

    /** Agents serving the queue: each required skill at the required level (the routing rule for a normal offer). */
    private static Map<String, Long> byState(Map<String, String> states, QueueSettings q, List<AgentProfile> profiles) {
        var out = new TreeMap<String, Long>();
        for (AgentProfile p : profiles) {
            String state = states.get(p.username());
            if (state != null && q.servedBy(p)) {
                out.merge(state, 1L, Long::sum);
            }
        }
        return out;
    }

    /** Reloaded every 10 s, and at most once a second sooner when a logged-in agent is not among them (new agent). */
    private List<AgentProfile> profiles(Instant now, Set<String> loggedIn) {
        long age = Duration.between(agentsLoaded, now).toMillis();
        if (age >= 10_000 || (age >= 1_000 && !agentNames.containsAll(loggedIn))) {
            List<AgentProfile> loaded = routing.agents();
            agents = loaded;
            agentNames = loaded.stream().map(AgentProfile::username).collect(java.util.stream.Collectors.toUnmodifiableSet());
            agentsLoaded = now;
        }
        return agents;
    }

    private void registerGauges(WallboardSnapshot s) {
        var tiles = new LinkedHashMap<String, QueueFigures>();
        tiles.put(ALL, s.overall());
        s.queues().forEach(q -> tiles.put(q.queue(), q));
        for (String q : tiles.keySet()) {
            if (!gauged.add(q)) {
                continue;
            }
            String tag = ALL.equals(q) ? "all" : q;
            Gauge.builder("hotline.queue.waiting", () -> tile(q).waiting()).tag("queue", tag).register(meters);
            Gauge.builder("hotline.queue.longest_wait_seconds", () -> tile(q).longestWaitSeconds())
                    .tag("queue", tag).register(meters);
            Gauge.builder("hotline.queue.longest_wait_rings", () -> tile(q).longestWaitRings())
                    .tag("queue", tag).register(meters);
            for (AgentState state : AgentState.values()) {
                if (state != AgentState.OFFLINE) {
                    Gauge.builder("hotline.queue.agents", () -> tile(q).agentsByState().getOrDefault(state.name(), 0L))
                            .tag("queue", tag).tag("state", state.name()).register(meters);
                }
            }
            Gauge.builder("hotline.queue.service_level", () -> orNaN(tile(q).serviceLevel15m()))
                    .tag("queue", tag).tag("window", "15m").register(meters);
            Gauge.builder("hotline.queue.service_level", () -> orNaN(tile(q).serviceLevelToday()))
                    .tag("queue", tag).tag("window", "today").register(meters);
            Gauge.builder("hotline.queue.offered_today", () -> tile(q).offeredToday()).tag("queue", tag).register(meters);
            Gauge.builder("hotline.queue.answered_today", () -> tile(q).answeredToday()).tag("queue", tag).register(meters);
            Gauge.builder("hotline.queue.abandoned_today", () -> tile(q).abandonedToday()).tag("queue", tag).register(meters);
            Gauge.builder("hotline.queue.overflowed_today", () -> tile(q).overflowedToday()).tag("queue", tag)
                    .register(meters);
            Gauge.builder("hotline.queue.average_speed_of_answer_seconds",
                    () -> orNaN(tile(q).averageSpeedOfAnswerSeconds())).tag("queue", tag).register(meters);
            Gauge.builder("hotline.queue.average_handle_time_seconds",
                    () -> orNaN(tile(q).averageHandleTimeSeconds())).tag("queue", tag).register(meters);
        }
    }

    private QueueFigures tile(String queue) {
        var s = snapshot();
        if (ALL.equals(queue)) {
            return s.overall();
        }
        return s.queues().stream().filter(f -> f.queue().equals(queue)).findFirst()
                .orElse(new QueueFigures(queue, 0, 0, 0, Map.of(), null, null, 0, 0, 0, 0, null, null, List.of()));
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static Double ratio(long in, long offered) {
        return offered == 0 ? null : (double) in / offered;
    }

    private static long parse(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }

    private String dayKey(String queue, LocalDate d) {
        return P + "day:" + d + ":" + queue;
    }
}
