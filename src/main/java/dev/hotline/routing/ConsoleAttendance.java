package dev.hotline.routing;

import dev.hotline.shared.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ZAddParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AgentConsoles} on Redis: the node holding an agent's console keeps the agent's "present until" in the
 * {@code consoles} sorted set moving forward (present.lua); every node takes agents past it out of routing (away.lua).
 * A dead node stops renewing, so its agents go away after the grace period without anyone having to notice the death.
 */
@Component
class ConsoleAttendance implements AgentConsoles {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAttendance.class);
    private static final int CHUNK = 500;

    private final Map<String, Set<String>> sessions = new ConcurrentHashMap<>();
    private final RedisClient redis;
    private final LuaScripts scripts;
    private final String prefix;
    private final Router router;
    private final ApplicationEventPublisher events;
    private final long graceMillis;
    private volatile long renewedAt;
    private volatile boolean failing;

    ConsoleAttendance(RedisClient redis, RoutingProperties routing, ConsolePresenceProperties properties, Router router,
                      ApplicationEventPublisher events) {
        this.redis = redis;
        this.scripts = new LuaScripts(redis, "dev/hotline/routing/lua/prelude.lua");
        this.prefix = routing.keyPrefix();
        this.router = router;
        this.events = events;
        this.graceMillis = properties.grace().toMillis();
    }

    @Override
    public void connected(String agent, String session) {
        sessions.computeIfAbsent(agent, a -> ConcurrentHashMap.newKeySet()).add(session);
        present(List.of(agent));
    }

    @Override
    public void disconnected(String agent, String session) {
        if (!sessions.containsKey(agent)) {
            return;
        }
        Set<String> left = sessions.computeIfPresent(agent, (a, s) -> {
            s.remove(session);
            return s.isEmpty() ? null : s;
        });
        if (left == null) {
            // the grace period starts now, not at the last renewal
            redis.zadd(prefix + "consoles", router.now() + graceMillis, agent, ZAddParams.zAddParams().gt());
        }
    }

    /** Renews this node's consoles (a third of the grace period at the latest) and takes absent agents away. */
    @Scheduled(fixedDelayString = "${hotline.routing.console.check-interval:1s}")
    void check() {
        try {
            if (router.now() - renewedAt >= graceMillis / 3) {
                renewedAt = router.now();
                List<String> agents = new ArrayList<>(sessions.keySet());
                for (int i = 0; i < agents.size(); i += CHUNK) {
                    present(agents.subList(i, Math.min(agents.size(), i + CHUNK)));
                }
            }
            away();
            if (failing) {
                log.info("Console presence checks work again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("Console presence check failed (retried every check interval): {}", e.toString());
                failing = true;
            }
        }
    }

    private void present(List<String> agents) {
        long now = router.now();
        List<String> args = new ArrayList<>(List.of(prefix, Long.toString(now), Long.toString(now + graceMillis)));
        args.addAll(agents);
        List<Object> back = LuaScripts.list(scripts.run("present", args));
        for (int i = 0; i + 2 < back.size(); i += 3) {
            String agent = LuaScripts.str(back.get(i));
            AgentState to = AgentState.valueOf(LuaScripts.str(back.get(i + 1)));
            String reason = LuaScripts.str(back.get(i + 2));
            log.info("Agent {} has a console again: back to {}", agent, to);
            events.publishEvent(new AgentStateChanged(agent, AgentState.BREAK, to, reason.isEmpty() ? null : reason,
                    null, Instant.ofEpochMilli(now)));
            if (to == AgentState.AVAILABLE) {
                router.matchFor(agent);
            }
        }
    }

    private void away() {
        long now = router.now();
        List<Object> gone = LuaScripts.list(scripts.run("away", List.of(prefix, Long.toString(now), "1000")));
        for (int i = 0; i + 2 < gone.size(); i += 3) {
            String agent = LuaScripts.str(gone.get(i));
            String what = LuaScripts.str(gone.get(i + 1));
            String detail = LuaScripts.str(gone.get(i + 2));
            if ("AWAY".equals(what)) {
                log.info("Agent {} has had no console for {} ms: out of routing", agent, graceMillis);
                events.publishEvent(new AgentStateChanged(agent, AgentState.valueOf(detail), AgentState.BREAK, "away",
                        null, Instant.ofEpochMilli(now)));
            } else if (!detail.isEmpty() && sessions.get(agent) == null) {
                declineRinging(agent, new ContactId(Long.parseLong(detail)));
            }
        }
    }

    /** Nobody is there to answer: the contact goes to the next agent now rather than after the ring-no-answer time. */
    private void declineRinging(String agent, ContactId contact) {
        try {
            router.reject(contact, agent);
        } catch (RuntimeException e) {
            log.debug("Offer of {} to absent agent {} already over: {}", contact, agent, e.toString());
        }
    }
}
