package dev.hotline.servicelevel;

import dev.hotline.contact.ContactEnded;
import dev.hotline.routing.ContactHeld;
import dev.hotline.routing.ContactResumed;
import dev.hotline.routing.ContactTransferred;
import dev.hotline.routing.RoutingProperties;
import dev.hotline.shared.ContactId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calls on hold for the wallboard, in Redis so every node shows the same: a hash of the calls held now (queue, agent,
 * since) and, per business day, how many holds ended in each queue and how long they lasted. A hold ends when the agent
 * resumes, hands the call on, or the caller hangs up. Hold time is part of the handle time (answer to end) already;
 * these figures show how much of it was hold.
 */
@Component
public class CallsOnHold {

    /** A call on hold now. */
    public record HeldCall(long contactId, String queue, String agent, Instant since, long heldSeconds) {
    }

    /** Holds ended today in a queue ("*" = all) and their average length. */
    public record HoldFigures(String queue, long holdsToday, Double averageHoldSeconds) {
    }

    private static final long DAY_TTL = Duration.ofDays(3).toSeconds();

    private final RedisClient redis;
    private final String held;
    private final String prefix;
    private final StatsDay day;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    CallsOnHold(RedisClient redis, RoutingProperties routing, ServiceLevelProperties properties,
                ApplicationEventPublisher events) {
        this.redis = redis;
        this.prefix = routing.keyPrefix() + "stats:hold:";
        this.held = prefix + "now";
        this.day = new StatsDay(properties.dayZone(), properties.dayReset());
        this.events = events;
    }

    @EventListener
    void on(ContactHeld e) {
        redis.hset(held, e.contactId().toString(), e.queue() + "|" + e.agent() + "|" + e.at().toEpochMilli());
        events.publishEvent(new WallboardMoved(e.at()));
    }

    @EventListener
    void on(ContactResumed e) {
        ended(e.contactId(), e.at());
    }

    @EventListener
    void on(ContactTransferred e) {
        ended(e.contactId(), e.at());
    }

    /** A completed consult ends the hold without a resume (the caller goes to the target, not back). */
    @EventListener
    void on(dev.hotline.routing.ContactConsultation e) {
        if (e.phase() == dev.hotline.routing.ContactConsultation.Phase.COMPLETED) {
            ended(e.contactId(), e.at());
        }
    }

    @EventListener
    void on(ContactEnded e) {
        ended(e.contactId(), e.endedAt());
    }

    /** The calls on hold now, longest held first. */
    public List<HeldCall> now() {
        Instant now = clock.instant();
        var out = new ArrayList<HeldCall>();
        redis.hgetAll(held).forEach((id, value) -> {
            String[] v = value.split("\\|", 3);
            Instant since = Instant.ofEpochMilli(Long.parseLong(v[2]));
            out.add(new HeldCall(Long.parseLong(id), v[0], v[1], since,
                    Math.max(0, Duration.between(since, now).toSeconds())));
        });
        out.sort(Comparator.comparing(HeldCall::since));
        return out;
    }

    /** Today's holds per queue that had any, and "*" for all queues. */
    public List<HoldFigures> today() {
        var out = new TreeMap<String, HoldFigures>();
        Map<String, String> h = redis.hgetAll(dayKey(day.of(clock.instant())));
        h.forEach((field, count) -> {
            if (field.startsWith("holds:")) {
                String queue = field.substring("holds:".length());
                long holds = parse(count);
                out.put(queue, new HoldFigures(queue, holds,
                        holds == 0 ? null : parse(h.get("ms:" + queue)) / 1000.0 / holds));
            }
        });
        return List.copyOf(out.values());
    }

    /** Once per hold across all nodes: whoever removes it from the hash counts it. */
    private void ended(ContactId id, Instant at) {
        String value = redis.hget(held, id.toString());
        if (value == null || redis.hdel(held, id.toString()) == 0) {
            return;
        }
        String[] v = value.split("\\|", 3);
        long ms = Math.max(0, at.toEpochMilli() - Long.parseLong(v[2]));
        String key = dayKey(day.of(at));
        for (String queue : List.of(v[0], RedisRealtimeStats.ALL)) {
            redis.hincrBy(key, "holds:" + queue, 1);
            redis.hincrBy(key, "ms:" + queue, ms);
        }
        redis.expire(key, DAY_TTL);
        events.publishEvent(new WallboardMoved(at));
    }

    /** One hash per business day: holds:queue and ms:queue for each queue that had holds. */
    private String dayKey(java.time.LocalDate d) {
        return prefix + "day:" + d;
    }

    private static long parse(String s) {
        return s == null ? 0 : Long.parseLong(s);
    }
}
