package dev.hotline.routing;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Queued callback in the live state: the request ({@code lua/callback.lua}: same contact, same place, no ring steps),
 * a call-back that did not connect ({@code lua/callback-unreached.lua}: back at its place, at once or after the retry
 * pause, closed after the last attempt) and the end of the retry pauses ({@code lua/callback-due.lua}). Accepting a
 * callback and its answered call-back are the ordinary accept, answer and hang-up.
 */
@Component
class CallbackRouting {

    /** The provider accept.lua reports for a callback: telephony places the call-back instead of connecting a caller. */
    static final String PROVIDER = "callback";

    private static final Logger log = LoggerFactory.getLogger(CallbackRouting.class);

    private final LuaScripts scripts;
    private final RedisClient redis;
    private final String prefix;
    private final CallbackProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallbackRouting(RedisClient redis, RoutingProperties routing, CallbackProperties properties,
                    ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.scripts = new LuaScripts(redis, "dev/hotline/routing/lua/prelude.lua");
        this.redis = redis;
        this.prefix = routing.keyPrefix();
        this.properties = properties;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** Returns the queue the callback waits in; a repeat (same contact) is accepted and changes nothing. */
    String request(ContactId id, String number) {
        long now = clock.millis();
        List<Object> r = LuaScripts.list(scripts.run("callback", List.of(prefix, id.toString(), Long.toString(now),
                number)));
        String status = LuaScripts.str(r.get(0));
        if ("ERR".equals(status)) {
            String why = LuaScripts.str(r.get(1));
            if ("gone".equals(why)) {
                throw new NotFoundException("Waiting contact", id.value());
            }
            throw new ConflictException("not-waiting".equals(why) ? "contact-not-waiting" : why, "Contact " + id
                    + " is not a waiting call (" + why + "): no callback can replace it");
        }
        String queue = LuaScripts.str(r.get(1));
        if ("1".equals(LuaScripts.str(r.get(4)))) {
            long arrived = parse(LuaScripts.str(r.get(3)));
            events.publishEvent(new CallbackRequested(id, queue, number, Instant.ofEpochMilli(arrived),
                    Instant.ofEpochMilli(now)));
            log.info("Contact {} in queue {}: callback to {} requested, place kept", id, queue, number);
        }
        return queue;
    }

    Optional<Callback> callback(ContactId id) {
        List<String> h = redis.hmget(prefix + "c:" + id, "cb", "cbp", "cbn");
        if (h.get(0) == null || h.get(0).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Callback(h.get(0), h.get(1), (int) parse(h.get(2))));
    }

    /**
     * The outcome of a call-back that did not connect, or null when the contact is no unanswered callback of this
     * agent (then it is an ordinary outbound call, or a repeat).
     */
    Unreached unreached(ContactId id, String agent, String reason) {
        long now = clock.millis();
        List<Object> r = LuaScripts.list(scripts.run("callback-unreached", List.of(prefix, id.toString(), agent,
                Long.toString(now), reason == null || reason.isBlank() ? "not-connected" : reason,
                Integer.toString(properties.attempts()), Long.toString(properties.retryAfter().toMillis()))));
        if (r.isEmpty()) {
            return null;
        }
        AgentState from = OutboundRouting.state(LuaScripts.str(r.get(1)));
        AgentState to = OutboundRouting.state(LuaScripts.str(r.get(2)));
        if (from != to) {
            events.publishEvent(new AgentStateChanged(agent, from, to, "callback-" + reason, id,
                    Instant.ofEpochMilli(now)));
        }
        log.info("Callback {} of {} not connected ({}): {} after {} attempt(s)", id, agent, reason,
                LuaScripts.str(r.get(4)), LuaScripts.str(r.get(5)));
        return new Unreached(LuaScripts.str(r.get(3)), LuaScripts.str(r.get(4)), parse(LuaScripts.str(r.get(6))));
    }

    /** {@code what}: requeued (waits again now), retry (again at {@code retryAt}) or closed (ended FAILED). */
    record Unreached(String queue, String what, long retryAt) {
    }

    /** Callbacks whose retry pause is over, back in their queues: the queues to match. */
    List<String> due() {
        List<Object> r = LuaScripts.list(scripts.run("callback-due", List.of(prefix, Long.toString(clock.millis()),
                "100")));
        var queues = new ArrayList<String>();
        for (int i = 1; i < r.size(); i += 2) {
            String q = LuaScripts.str(r.get(i));
            if (!queues.contains(q)) {
                queues.add(q);
            }
        }
        return queues;
    }

    /** Contacts waiting in the queue now (for LONG_WAIT offers). */
    long waiting(String queue) {
        return redis.zcard(prefix + "q:" + queue + ":wait");
    }

    private static long parse(String value) {
        try {
            return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

}
