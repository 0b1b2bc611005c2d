package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Redis that comes back empty (restarted without AOF, flushed) is rebuilt from the durable record within a sweep
 * interval, not left to agents and callers: every node watches a marker key it saw; when it is gone, one node (a
 * short lease) logs the agents back in with their last recorded state (agent_state_history), gives every contact the
 * record shows connected back to its agent (restore.lua), queues every waiting or ringing contact again with its
 * original arrival, and announces each agent's state so the consoles show it. A fresh namespace (first start) just
 * gets the marker: there is nothing to rebuild that the recovery sweep would not find.
 */
@Component
class RoutingRebuild extends dev.hotline.shared.OwnThreadSweep implements dev.hotline.shared.LiveStateRecovery {

    private static final Logger log = LoggerFactory.getLogger(RoutingRebuild.class);
    private static final String LAST_STATES = """
            SELECT h.agent, h.to_state, h.reason FROM agent_state_history h
              JOIN (SELECT agent, MAX(id) AS id FROM agent_state_history GROUP BY agent) l ON l.id = h.id
             WHERE h.to_state <> 'OFFLINE'""";

    private final RedisClient redis;
    private final LuaScripts scripts;
    private final String prefix;
    private final JdbcTemplate jdbc;
    private final ContactIntake contacts;
    private final AgentDirectory directory;
    private final RedisRoutingStore store;
    private final Router router;
    private final ApplicationEventPublisher events;
    private final boolean enabled;
    private volatile boolean markerSeen;

    RoutingRebuild(RedisClient redis, RoutingProperties properties, JdbcTemplate jdbc, ContactIntake contacts,
                   AgentDirectory directory, RedisRoutingStore store, Router router, ApplicationEventPublisher events,
                   @Value("${hotline.routing.rebuild:true}") boolean enabled) {
        super("routing-rebuild", properties.sweepInterval());   // its own thread: see OwnThreadSweep
        this.redis = redis;
        this.scripts = new LuaScripts(redis, "dev/hotline/routing/lua/prelude.lua");
        this.prefix = properties.keyPrefix();
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.directory = directory;
        this.store = store;
        this.router = router;
        this.events = events;
        this.enabled = enabled;
    }

    @Override
    protected boolean enabled() {
        return enabled;
    }

    @Override
    protected void sweep() {
        check();
    }

    void check() {
        try {
            if (redis.exists(prefix + "alive")) {
                markerSeen = true;
            } else if (!markerSeen) {
                redis.set(prefix + "alive", Long.toString(router.now()), SetParams.setParams().nx());
                markerSeen = true;
                log.info("Routing namespace {} marked: an emptied Redis will be rebuilt from the record", prefix);
            } else if ("OK".equals(redis.set(prefix + "rebuilding", "1", SetParams.setParams().nx().px(120_000)))) {
                try {
                    rebuild();
                    redis.set(prefix + "alive", Long.toString(router.now()));
                } finally {
                    redis.del(prefix + "rebuilding");
                }
            }
        } catch (RuntimeException e) {
            if (dev.hotline.shared.Outages.isOutage(e)) {
                log.debug("Routing rebuild check: Redis not reachable ({}), next sweep", e.toString());
            } else {
                log.warn("Routing rebuild check failed, next sweep", e);
            }
        }
    }

    /**
     * Between Redis coming back empty and the rebuild's end: the marker this node saw is gone, or a rebuild runs. Asked
     * only when an action was refused, so the happy path pays nothing; an unreachable Redis is an outage of its own.
     */
    @Override
    public boolean rebuilding() {
        if (!enabled || !markerSeen) {
            return false;
        }
        try {
            return !redis.exists(prefix + "alive") || redis.exists(prefix + "rebuilding");
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Rebuilds the live state from the record; each step skips what Redis already has again. */
    void rebuild() {
        long started = System.nanoTime();
        long now = router.now();
        Map<String, AgentState> agents = agents(now);
        int connected = 0;
        for (ContactSnapshot c : every(ContactStatus.CONNECTED)) {
            if (c.agent() != null && agents.containsKey(c.agent()) && restore(c, now)) {
                agents.put(c.agent(), AgentState.BUSY);
                connected++;
            }
        }
        int waiting = 0;
        // ringing first, each at the agent it rang at: an accept the journal had not written (the agent is talking on
        // the call) is sent again by that agent's console before any other agent could be offered the call
        for (ContactStatus status : new ContactStatus[] {ContactStatus.OFFERED, ContactStatus.WAITING}) {
            for (ContactSnapshot c : every(status)) {
                if (store.contactState(c.id().value()) == null) {
                    boolean ringing = status == ContactStatus.OFFERED && c.agent() != null
                            && agents.containsKey(c.agent());
                    router.route(c, ringing ? c.agent() : null);
                    waiting++;
                }
            }
        }
        Instant at = Instant.ofEpochMilli(now);
        agents.forEach((agent, state) -> {
            events.publishEvent(new AgentStateChanged(agent, AgentState.OFFLINE, state, "rebuilt", null, at));
            if (state == AgentState.AVAILABLE) {
                router.matchFor(agent);
            }
        });
        log.warn("Redis came back empty: routing rebuilt from the record in {} ms ({} agents, {} connected and {} "
                + "waiting contacts)", (System.nanoTime() - started) / 1_000_000, agents.size(), connected, waiting);
    }

    /** Agents logged in as the record last saw them: on a BREAK with its reason, otherwise AVAILABLE. */
    private Map<String, AgentState> agents(long now) {
        Map<String, AgentState> restored = new LinkedHashMap<>();
        jdbc.query(LAST_STATES, rs -> {
            String agent = rs.getString(1);
            AgentState last = AgentState.valueOf(rs.getString(2));
            try {
                AgentProfile profile = directory.get(agent);
                if (store.agent(agent).state() == AgentState.OFFLINE) {
                    store.login(agent, profile.voiceCapacity(), profile.textCapacity(), directory.queues(profile),
                            directory.wideQueues(profile), now);
                    if (last == AgentState.BREAK) {
                        store.changeState(agent, AgentState.AVAILABLE, AgentState.BREAK, rs.getString(3), now);
                    }
                    restored.put(agent, last == AgentState.BREAK ? AgentState.BREAK : AgentState.AVAILABLE);
                }
            } catch (DomainException e) {
                log.debug("Agent {} not restored: {}", agent, e.getMessage());
            }
        });
        return restored;
    }

    private boolean restore(ContactSnapshot c, long now) {
        var reply = LuaScripts.list(scripts.run("restore", List.of(prefix, Long.toString(now), c.agent(),
                Long.toString(c.id().value()), c.queue(), c.channel().isVoice() ? "v" : "t", c.channel().name(),
                c.customerId() == null ? "" : c.customerId().toString(),
                c.customerTier() == null ? "" : c.customerTier().name(), c.provider() == null ? "" : c.provider(),
                c.externalId() == null ? "" : c.externalId(), Long.toString(c.arrivedAt().toEpochMilli()),
                c.answeredAt() == null ? "" : Long.toString(c.answeredAt().toEpochMilli()))));
        return "OK".equals(LuaScripts.str(reply.get(0)));
    }

    private List<ContactSnapshot> every(ContactStatus status) {
        List<ContactSnapshot> all = new ArrayList<>();
        Page<ContactSnapshot> page;
        int n = 0;
        do {
            page = contacts.search(status, null, null, null, null, PageRequest.of(n++, 500));
            all.addAll(page.getContent());
        } while (page.hasNext());
        return all;
    }
}
