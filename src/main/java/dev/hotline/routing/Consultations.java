package dev.hotline.routing;

import dev.hotline.routing.ContactConsultation.Phase;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotPermittedException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consultative transfer on the live contact: one script ({@code lua/consult.lua}) per step, journalled as CONSULTED.
 * Kept apart from {@link Router} (it only borrows its matching for a target who is free again), with its own ring
 * deadline timers ({@code k|contact|target|consult}) in routing's timer set.
 */
@Component
class Consultations implements CallConsultation {

    private final LuaScripts scripts;
    private final RedisClient redis;
    private final String prefix;
    private final Router router;
    private final QueueCatalog catalog;
    private final AgentDirectory directory;
    private final RoutingProperties properties;
    private final RoutingTimers timers;
    private final ApplicationEventPublisher events;

    Consultations(RedisClient redis, RoutingProperties properties, Router router, QueueCatalog catalog,
                  AgentDirectory directory, RoutingTimers timers, ApplicationEventPublisher events) {
        this.redis = redis;
        this.prefix = properties.keyPrefix();
        this.scripts = new LuaScripts(redis, "dev/hotline/routing/lua/prelude.lua");
        this.router = router;
        this.catalog = catalog;
        this.directory = directory;
        this.properties = properties;
        this.timers = timers;
        this.events = events;
        timers.alsoOnDue(this::fire);   // after the Router's handler (constructed first: it is a dependency)
    }

    /** What consult.lua answers for a step. */
    private record Step(String agent, String target, String queue, Channel channel, String provider, String externalId,
                        AgentState targetWas, AgentState targetNow, long held, AgentState agentWas,
                        AgentState agentNow, long deadline) {
    }

    @Override
    public Consult consult(ContactId id, String agent, String toQueue, String toAgent) {
        boolean named = toAgent != null && !toAgent.isBlank();
        boolean queued = toQueue != null && !toQueue.isBlank();
        if (named == queued) {
            throw new InvalidInputException("target", "A consult goes to a queue or to an agent (one of the two)");
        }
        String queue = queued ? catalog.resolve(toQueue).name() : "";
        long now = router.now();
        long ringMs = catalog.resolve(queued ? queue : contactQueue(id)).ringNoAnswer().toMillis();
        Step s = run(id, agent, now, "start", named ? toAgent.strip() : "", queue, ringMs, "");
        Instant at = Instant.ofEpochMilli(now);
        if (s.held() == 1) {
            events.publishEvent(new ContactHeld(id, agent, s.queue(), s.channel(), s.provider(), s.externalId(), at));
        }
        targetChanged(id, s, "consult", at);
        publish(id, Phase.RINGING, s, null, at, Instant.ofEpochMilli(s.deadline()));
        timers.at(s.deadline());
        return new Consult(id, agent, s.target(), "RINGING", at);
    }

    @Override
    public void accept(ContactId id, String target) {
        long now = router.now();
        Step s = run(id, target, now, "accept", "", "", 0, "");
        Instant at = Instant.ofEpochMilli(now);
        targetChanged(id, s, "consult", at);
        publish(id, Phase.TALKING, s, null, at);
    }

    @Override
    public void decline(ContactId id, String target) {
        long now = router.now();
        released(id, run(id, target, now, "decline", "", "", 0, "declined"), Phase.FAILED, "declined", now);
    }

    @Override
    public void complete(ContactId id, String agent) {
        long now = router.now();
        Step s = run(id, agent, now, "complete", "", "", 0, "");
        Instant at = Instant.ofEpochMilli(now);
        if (s.agentWas() != s.agentNow()) {
            events.publishEvent(new AgentStateChanged(agent, s.agentWas(), s.agentNow(), "transferred", id, at));
        }
        events.publishEvent(new ContactReleased(id, agent, s.queue(), s.channel(), "transferred", at));
        publish(id, Phase.COMPLETED, s, null, at);
        if (s.deadline() > 0) {
            timers.at(s.deadline());
        }
    }

    @Override
    public void returnToCaller(ContactId id, String agent) {
        long now = router.now();
        Step s = run(id, agent, now, "return", "", "", 0, "");
        Instant at = Instant.ofEpochMilli(now);
        released(id, s, Phase.RETURNED, null, now);
        // telephony parts the two agents first (RETURNED), then brings the caller back to the first agent
        events.publishEvent(new ContactResumed(id, agent, s.queue(), s.channel(), s.provider(), s.externalId(),
                Duration.ofMillis(s.held()), at));
    }

    @Override
    public boolean targetLost(ContactId id, String reason) {
        long now = router.now();
        try {
            released(id, run(id, "", now, "fail", "", "", 0, reason), Phase.FAILED, reason, now);
            return true;
        } catch (ConflictException none) {
            return false;
        }
    }

    @Override
    public Optional<Consult> current(ContactId id) {
        Map<String, String> k = redis.hgetAll(prefix + "c:" + id.value() + ":k");
        if (k.isEmpty() || k.get("target") == null) {
            return Optional.empty();
        }
        return Optional.of(new Consult(id, k.get("agent"), k.get("target"), k.get("state"),
                Instant.ofEpochMilli(Long.parseLong(k.getOrDefault("since", "0")))));
    }

    /** The caller hung up (or the contact left otherwise) while a consult ran: the target is free again. */
    @EventListener
    void on(ContactReleased released) {
        if (!"contact-gone".equals(released.reason())) {
            return;
        }
        long now = router.now();
        try {
            released(released.contactId(), run(released.contactId(), "", now, "gone", "", "", 0, ""), Phase.ENDED,
                    "contact-gone", now);
        } catch (ConflictException noConsult) {
            // the usual case: no consult ran
        }
    }

    /** The ring deadline of a consult passed: the target did not take it. */
    private void fire(String member, long now) {
        String[] p = member.split("\\|");
        if (p.length != 4 || !"k".equals(p[0]) || !"consult".equals(p[3])) {
            return;
        }
        var id = new ContactId(Long.parseLong(p[1]));
        try {
            released(id, run(id, "", now, "expire", p[2], "", 0, "ring-no-answer"), Phase.FAILED, "ring-no-answer", now);
        } catch (ConflictException gone) {
            redis.zrem(prefix + "timers", member);   // answered meanwhile, or the contact left: a stale timer
        }
    }

    private void released(ContactId id, Step s, Phase phase, String reason, long now) {
        Instant at = Instant.ofEpochMilli(now);
        targetChanged(id, s, reason == null ? "consult-over" : reason, at);
        publish(id, phase, s, reason, at);
        if (s.targetNow() == AgentState.AVAILABLE) {
            router.matchFor(s.target());   // calls may be waiting for the target
        }
    }

    private void targetChanged(ContactId id, Step s, String reason, Instant at) {
        if (s.targetWas() != s.targetNow()) {
            events.publishEvent(new AgentStateChanged(s.target(), s.targetWas(), s.targetNow(), reason, id, at));
        }
    }

    private void publish(ContactId id, Phase phase, Step s, String reason, Instant at) {
        publish(id, phase, s, reason, at, null);
    }

    private void publish(ContactId id, Phase phase, Step s, String reason, Instant at, Instant ringDeadline) {
        events.publishEvent(new ContactConsultation(id, phase, s.agent(), s.target(), s.queue(), s.channel(),
                s.provider(), s.externalId(), reason, profile(s.agent()), profile(s.target()), at, ringDeadline));
    }

    private AgentProfile profile(String agent) {
        try {
            return agent == null || agent.isEmpty() ? null : directory.get(agent);
        } catch (RuntimeException unknown) {
            return null;   // an agent without a routing profile any more: telephony has no phone to ring
        }
    }

    private String contactQueue(ContactId id) {
        String q = redis.hget(prefix + "c:" + id.value(), "queue");
        if (q == null) {
            throw new ConflictException("contact-gone", "Contact " + id + " is not live; only a live call can be consulted on");
        }
        return q;
    }

    private Step run(ContactId id, String actor, long now, String mode, String target, String queue, long ringMs,
                     String reason) {
        List<Object> r = LuaScripts.list(scripts.run("consult", List.of(prefix, Long.toString(id.value()), actor,
                Long.toString(now), mode, target, queue, Long.toString(ringMs),
                Long.toString(properties.wrapUp().toMillis()), reason)));
        if ("ERR".equals(LuaScripts.str(r.get(0)))) {
            String why = LuaScripts.str(r.get(1));
            if ("not-yours".equals(why)) {
                throw new NotPermittedException("Contact " + id + " (or its consult) is not " + actor + "'s");
            }
            throw new ConflictException("gone".equals(why) ? "contact-gone" : why,
                    "No consult step '" + mode + "' on contact " + id + " now (" + why + ")");
        }
        String channel = LuaScripts.str(r.get(4));
        String deadline = LuaScripts.str(r.get(12));
        return new Step(LuaScripts.str(r.get(1)), LuaScripts.str(r.get(2)), LuaScripts.str(r.get(3)),
                channel.isEmpty() ? Channel.VOICE : Channel.valueOf(channel), blank(LuaScripts.str(r.get(5))),
                blank(LuaScripts.str(r.get(6))), state(LuaScripts.str(r.get(7))), state(LuaScripts.str(r.get(8))),
                Long.parseLong(LuaScripts.str(r.get(9))), state(LuaScripts.str(r.get(10))),
                state(LuaScripts.str(r.get(11))), deadline.isEmpty() ? 0 : Long.parseLong(deadline));
    }

    private static AgentState state(String s) {
        return s == null || s.isEmpty() ? null : AgentState.valueOf(s);
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
