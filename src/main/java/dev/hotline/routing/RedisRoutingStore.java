package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.CustomerTier;
import dev.hotline.shared.NotPermittedException;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ZAddParams;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live routing state in Redis. Every change that must not race (match, widen, accept, reject, expiry, finish,
 * state change) is one Lua script, so any number of app nodes may share one Redis: a contact rings at most one agent
 * (or, when widened, a set of agents of which exactly one wins), and an agent never holds two voice contacts.
 * Keys are described in {@code lua/prelude.lua}.
 */
final class RedisRoutingStore {

    private final RedisClient redis;
    private final LuaScripts scripts;
    private final String prefix;

    RedisRoutingStore(RedisClient redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
        this.scripts = new LuaScripts(redis, "dev/hotline/routing/lua/prelude.lua");
    }

    /** A contact as it waits in a queue. {@code score} orders the queue (see {@link RoutingPolicy#waitingScore}). */
    record WaitingContact(long id, String queue, double score, Channel channel, Long customerId, CustomerTier tier,
                          String provider, String externalId, long arrivedMillis, String from) {
    }

    /** An offer just made: {@code agent}'s console rings with {@code contact} until {@code deadline}. */
    record OfferMade(long contact, String queue, String agent, AgentState agentWas, Channel channel, Long customerId,
                     long deadline, boolean widened, String from, CustomerTier tier, String callbackTo) {
    }

    /** A contact as routing holds it: {@code state} WAITING, OFFERED, ASSIGNED (with {@code agent}), DONE or GONE. */
    record LiveContact(long id, String queue, double score, Channel channel, Long customerId, CustomerTier tier,
                       String provider, String externalId, long arrivedMillis, String state, String agent,
                       boolean answered, String from) {

        boolean unanswered() {
            return "WAITING".equals(state) || "OFFERED".equals(state);
        }
    }

    /** When the escalation steps of a waiting voice contact are due (epoch millis; 0 = no such step). */
    record Escalation(long alertAt, long widenAt, long overflowAt) {
        static final Escalation NONE = new Escalation(0, 0, 0);
    }

    record Enqueued(boolean isNew, List<OfferMade> offers) {
    }

    record Accepted(String queue, Channel channel, String provider, String externalId, Long customerId,
                    AgentState agentWas, String from, List<String> withdrawn) {
    }

    record Declined(String queue, AgentState agentWas, AgentState agentNow, boolean requeued) {
    }

    record Dropped(String queue, Channel channel, String wrappedAgent, long wrapDeadline, String releasedAgent,
                   List<String> withdrawn) {
    }

    record Finished(AgentState agentWas, AgentState agentNow, long wrapDeadline, String queue, Channel channel) {
    }

    record AgentView(String agent, AgentState state, String reason, long since, Long offer, List<Long> contacts,
                     long ringNoAnswers) {
    }

    /** Bumped by a node that changed queue settings; the others compare it every second and reload. */
    long queueSettingsChanged() {
        return redis.incr(prefix + "qv");
    }

    long queueSettingsVersion() {
        String v = redis.get(prefix + "qv");
        return v == null ? 0 : Long.parseLong(v);
    }

    void strategy(String queue, RoutingStrategy strategy) {
        redis.hset(prefix + "qs", queue, strategy.name());
    }

    /**
     * Queues the contact (journalled as QUEUED, or TRANSFERRED from {@code fromQueue}) and matches at once. Only a
     * contact routing does not know yet is queued: a repeat, or a contact that left, changes nothing.
     */
    Enqueued enqueue(WaitingContact c, long now, long ringMs, long ringPeriodMs, Escalation escalation, String fromQueue,
                     long reofferPauseMs) {
        List<Object> r = LuaScripts.list(scripts.run("enqueue",
                enqueueArgs(c, now, ringMs, ringPeriodMs, escalation, fromQueue, reofferPauseMs)));
        return new Enqueued("1".equals(LuaScripts.str(r.get(0))), offers(r.subList(1, r.size()), c.queue(), now + ringMs));
    }

    /**
     * The rebuild's {@link #enqueue} of a contact the record shows ringing at {@code agent}: offered to that agent
     * first when it can take one (regive.lua), so an accept lost with Redis is sent again, not taken by another agent.
     */
    Enqueued enqueueRingingAt(WaitingContact c, String agent, long now, long ringMs, long ringPeriodMs,
                              Escalation escalation, long reofferPauseMs) {
        var args = new java.util.ArrayList<>(enqueueArgs(c, now, ringMs, ringPeriodMs, escalation, null, reofferPauseMs));
        args.add(agent);
        List<Object> r = LuaScripts.list(scripts.run("regive", args));
        return new Enqueued("1".equals(LuaScripts.str(r.get(0))), offers(r.subList(1, r.size()), c.queue(), now + ringMs));
    }

    private List<String> enqueueArgs(WaitingContact c, long now, long ringMs, long ringPeriodMs, Escalation escalation,
                                     String fromQueue, long reofferPauseMs) {
        return List.of(prefix, c.queue(), Long.toString(c.id()),
                score(c.score()), c.channel().isVoice() ? "v" : "t", c.channel().name(),
                c.customerId() == null ? "" : c.customerId().toString(), c.tier() == null ? "" : c.tier().name(),
                c.provider() == null ? "" : c.provider(), Long.toString(c.arrivedMillis()), Long.toString(now),
                Long.toString(ringMs), Long.toString(ringPeriodMs), Long.toString(escalation.alertAt()),
                Long.toString(escalation.widenAt()), Long.toString(escalation.overflowAt()),
                fromQueue == null ? "QUEUED" : "TRANSFERRED", fromQueue == null ? "" : fromQueue,
                Long.toString(reofferPauseMs), c.externalId() == null ? "" : c.externalId(),
                c.from() == null ? "" : c.from());
    }

    List<OfferMade> match(String queue, long now, long ringMs, int max, long reofferPauseMs) {
        Object reply = scripts.run("match", List.of(prefix, queue, Long.toString(now), Long.toString(ringMs),
                Integer.toString(max), Long.toString(reofferPauseMs)));
        return offers(LuaScripts.list(reply), queue, now + ringMs);
    }

    /** Rings every free agent with the skill at any level. Empty when the contact is no longer waiting or offered. */
    List<OfferMade> widen(long contact, long now, long ringMs) {
        String queue = redis.hget(prefix + "c:" + contact, "queue");
        Object reply = scripts.run("widen", List.of(prefix, Long.toString(contact), Long.toString(now), Long.toString(ringMs)));
        return offers(LuaScripts.list(reply), queue, now + ringMs);
    }

    /**
     * Takes the offer; a contact that is not a call of one of {@code telephonyProviders} (which answer it when they
     * connect it) is answered at once.
     */
    Accepted accept(long contact, String agent, long now, long stickyMs, String telephonyProviders) {
        List<Object> r = LuaScripts.list(scripts.run("accept", List.of(prefix, Long.toString(contact), agent,
                Long.toString(now), Long.toString(stickyMs), telephonyProviders)));
        if ("ERR".equals(LuaScripts.str(r.get(0)))) {
            String why = LuaScripts.str(r.get(1));
            if ("not-yours".equals(why)) {
                throw new NotPermittedException("Contact " + contact + " is not offered to " + agent);
            }
            throw new ConflictException("offer-" + why, "The offer of contact " + contact + " to " + agent
                    + " is no longer open (" + why + ")");
        }
        return new Accepted(LuaScripts.str(r.get(1)), Channel.valueOf(LuaScripts.str(r.get(2))),
                emptyToNull(LuaScripts.str(r.get(3))), emptyToNull(LuaScripts.str(r.get(6))),
                customer(LuaScripts.str(r.get(4))), state(LuaScripts.str(r.get(5))), emptyToNull(LuaScripts.str(r.get(7))),
                strings(r, 8));
    }

    /**
     * Telephony connected the agent's call: true when recorded now, false for a repeat. Throws when the contact has
     * ended ({@code contact-gone}) or is not this agent's ({@code not-assigned}).
     */
    boolean answer(long contact, String agent, java.time.Instant at) {
        List<Object> r = LuaScripts.list(scripts.run("answer", List.of(prefix, Long.toString(contact), agent,
                Long.toString(at.toEpochMilli()), Long.toString(micros(at)))));
        if ("ERR".equals(LuaScripts.str(r.get(0)))) {
            String why = LuaScripts.str(r.get(1));
            throw new ConflictException("gone".equals(why) ? "contact-gone" : why,
                    "Contact " + contact + " cannot be answered by " + agent + " (" + why + ")");
        }
        return "1".equals(LuaScripts.str(r.get(1)));
    }

    /** Reject ({@code expired} false) or ring deadline passed (true; claims the timer). Null when nothing was pending. */
    Declined decline(long contact, String agent, long now, boolean expired) {
        List<Object> r = LuaScripts.list(scripts.run("decline", List.of(prefix, Long.toString(contact), agent,
                Long.toString(now), expired ? "expire" : "reject")));
        if (r.isEmpty()) {
            return null;
        }
        return new Declined(emptyToNull(LuaScripts.str(r.get(0))), state(LuaScripts.str(r.get(1))),
                state(LuaScripts.str(r.get(2))), "1".equals(LuaScripts.str(r.get(3))));
    }

    /** How a contact leaves its place: the caller hung up, it overflows to {@code detail}, or it moves queue. */
    enum Leave { HANGUP, OVERFLOW, MOVE }

    /**
     * The contact left (it stays marked GONE) or moves to another queue: its offers withdrawn, its agent freed. Null
     * when nothing changed (unknown, already gone, or answered when it was to overflow).
     */
    Dropped drop(long contact, long now, long wrapMs, Leave mode, String detail) {
        return drop(contact, java.time.Instant.ofEpochMilli(now), wrapMs, mode, detail);
    }

    /** {@code at} to the microsecond: a hang-up's time as the PBX reported it. */
    Dropped drop(long contact, java.time.Instant at, long wrapMs, Leave mode, String detail) {
        List<Object> r = LuaScripts.list(scripts.run("drop", List.of(prefix, Long.toString(contact),
                Long.toString(at.toEpochMilli()), Long.toString(wrapMs), mode.name().toLowerCase(java.util.Locale.ROOT),
                detail == null ? "" : detail, Long.toString(micros(at)))));
        if (r.isEmpty()) {
            return null;
        }
        String deadline = LuaScripts.str(r.get(3));
        String channel = LuaScripts.str(r.get(1));
        return new Dropped(LuaScripts.str(r.get(0)), channel.isEmpty() ? null : Channel.valueOf(channel),
                emptyToNull(LuaScripts.str(r.get(2))), deadline.isEmpty() ? 0 : Long.parseLong(deadline),
                emptyToNull(LuaScripts.str(r.get(4))), strings(r, 5));
    }

    /** {@code handedOn}: a transferred call, answered once already (no escalation, not queued anew). */
    record Unassigned(String queue, AgentState agentWas, AgentState agentNow, boolean handedOn) {
    }

    /** The accepted contact goes back to its place in the queue; the agent is freed (and paused when it missed it). */
    Unassigned unassign(long contact, String agent, long now, boolean noAnswer, Escalation escalation) {
        List<Object> r = LuaScripts.list(scripts.run("unassign", List.of(prefix, Long.toString(contact), agent,
                Long.toString(now), noAnswer ? "no-answer" : "failed", Long.toString(escalation.alertAt()),
                Long.toString(escalation.widenAt()), Long.toString(escalation.overflowAt()))));
        if ("ERR".equals(LuaScripts.str(r.get(0)))) {
            String why = LuaScripts.str(r.get(1));
            throw new ConflictException("answered".equals(why) ? "already-connected" : "not-assigned",
                    "Contact " + contact + " cannot go back to the queue from " + agent + " (" + why + ")");
        }
        return new Unassigned(LuaScripts.str(r.get(1)), state(LuaScripts.str(r.get(2))), state(LuaScripts.str(r.get(3))),
                r.size() > 4 && "1".equals(LuaScripts.str(r.get(4))));
    }

    /** Null when the caller had already hung up on this agent: only the disposition was recorded. */
    Finished finish(long contact, String agent, long now, long wrapMs, String disposition) {
        List<Object> r = LuaScripts.list(scripts.run("finish", List.of(prefix, Long.toString(contact), agent,
                Long.toString(now), Long.toString(wrapMs), disposition == null ? "" : disposition)));
        if ("ERR".equals(LuaScripts.str(r.get(0)))) {
            throw new ConflictException("not-active", "Agent " + agent + " is not working on contact " + contact);
        }
        if ("GONE".equals(LuaScripts.str(r.get(0)))) {
            return null;
        }
        String deadline = LuaScripts.str(r.get(3));
        String channel = LuaScripts.str(r.get(5));
        return new Finished(state(LuaScripts.str(r.get(1))), state(LuaScripts.str(r.get(2))),
                deadline.isEmpty() ? 0 : Long.parseLong(deadline), emptyToNull(LuaScripts.str(r.get(4))),
                channel.isEmpty() ? null : Channel.valueOf(channel));
    }

    /** Wrap-up over (claims the timer). The new state, or null when already handled or stale. */
    AgentState wrapped(String agent, String token, long now) {
        List<Object> r = LuaScripts.list(scripts.run("wrapped", List.of(prefix, agent, token, Long.toString(now))));
        return r.isEmpty() ? null : state(LuaScripts.str(r.get(1)));
    }

    /** Logs an OFFLINE agent in as AVAILABLE; returns the previous state, or throws when not OFFLINE. */
    AgentState login(String agent, int voiceCapacity, int textCapacity, Collection<String> queues,
                     Collection<String> wideQueues, long now) {
        var args = new ArrayList<String>();
        args.add(prefix);
        args.add(agent);
        args.add(Integer.toString(voiceCapacity));
        args.add(Integer.toString(textCapacity));
        args.add(Long.toString(now));
        args.add(Integer.toString(queues.size()));
        args.addAll(queues);
        args.add(Integer.toString(wideQueues.size()));
        args.addAll(wideQueues);
        return checked(agent, AgentState.AVAILABLE, scripts.run("login", args));
    }

    /** Compare-and-set of the agent's state; returns the previous state or throws ConflictException. */
    AgentState changeState(String agent, AgentState expected, AgentState to, String reason, long now) {
        String script = to == AgentState.OFFLINE ? "logout" : "state";
        List<String> args = to == AgentState.OFFLINE
                ? List.of(prefix, agent, expected.name(), Long.toString(now))
                : List.of(prefix, agent, expected.name(), to.name(), reason == null ? "" : reason, Long.toString(now));
        return checked(agent, to, scripts.run(script, args));
    }

    /** Memberships changed by configuration: takes effect for a logged-in agent at once. */
    void memberships(String agent, Collection<String> queues, Collection<String> wideQueues) {
        String a = prefix + "a:" + agent;
        for (String q : redis.smembers(a + ":q")) {
            redis.zrem(prefix + "q:" + q + ":free", agent);
        }
        for (String q : redis.smembers(a + ":w")) {
            redis.zrem(prefix + "q:" + q + ":wide", agent);
        }
        redis.del(a + ":q", a + ":w");
        if (!queues.isEmpty()) {
            redis.sadd(a + ":q", queues.toArray(String[]::new));
        }
        if (!wideQueues.isEmpty()) {
            redis.sadd(a + ":w", wideQueues.toArray(String[]::new));
        }
        scripts.run("refresh", List.of(prefix, agent));
    }

    AgentView agent(String agent) {
        String a = prefix + "a:" + agent;
        Map<String, String> h = redis.hgetAll(a);
        if (h.isEmpty()) {
            return new AgentView(agent, AgentState.OFFLINE, "", 0, null, List.of(), 0);
        }
        Set<String> contacts = redis.smembers(a + ":c");
        String offer = h.getOrDefault("offer", "");
        return new AgentView(agent, state(h.get("state")), h.getOrDefault("reason", ""),
                parseLong(h.get("since")), offer.isEmpty() ? null : Long.valueOf(offer),
                contacts.stream().map(Long::valueOf).sorted().toList(), parseLong(h.get("rna")));
    }

    /**
     * WAITING, OFFERED, ASSIGNED, DONE, GONE (it left: abandoned, overflowed, ended), or null when routing never knew
     * the contact or lost it (Redis restarted or flushed).
     */
    String contactState(long contact) {
        return redis.hget(prefix + "c:" + contact, "state");
    }

    /** Epoch millis the contact's call was put on hold (hold.lua's 'held'), or null when it is not held. */
    Long heldSince(long contact) {
        String held = redis.hget(prefix + "c:" + contact, "held");
        return held == null || held.isEmpty() ? null : Long.valueOf(held);
    }

    String contactQueue(long contact) {
        return redis.hget(prefix + "c:" + contact, "queue");
    }

    List<String> offeredTo(long contact) {
        return redis.smembers(prefix + "c:" + contact + ":o").stream().sorted().toList();
    }

    /** Changes a waiting contact's place (priority); an offered contact keeps the new score when requeued. */
    void rescore(long contact, double score) {
        String c = prefix + "c:" + contact;
        String queue = redis.hget(c, "queue");
        if (queue == null) {
            return;
        }
        redis.hset(c, "score", score(score));
        redis.zadd(prefix + "q:" + queue + ":wait", score, Long.toString(contact), ZAddParams.zAddParams().xx());
    }

    /** Queues the agent serves (at the required skill level). */
    List<String> agentQueues(String agent) {
        return List.copyOf(redis.smembers(prefix + "a:" + agent + ":q"));
    }

    /** A hold or resume made: the call's provider and id for telephony, and (resume) how long this hold lasted. */
    record HoldChange(String queue, Channel channel, String provider, String externalId, long heldMillis) {
    }

    /** Hold ({@code hold} true) or resume the agent's connected call. Throws when it is not the agent's to change. */
    HoldChange hold(long contact, String agent, long now, boolean hold) {
        List<Object> r = LuaScripts.list(scripts.run("hold", List.of(prefix, Long.toString(contact), agent,
                Long.toString(now), hold ? "hold" : "resume")));
        refused(contact, agent, r);
        return new HoldChange(LuaScripts.str(r.get(1)), Channel.valueOf(LuaScripts.str(r.get(2))),
                emptyToNull(LuaScripts.str(r.get(3))), emptyToNull(LuaScripts.str(r.get(4))),
                Long.parseLong(LuaScripts.str(r.get(5))));
    }

    /** A connected call handed on: the transferring agent's change and the offers it made now. */
    record Handover(String fromQueue, String toQueue, Channel channel, String provider, String externalId,
                    AgentState agentWas, AgentState agentNow, long wrapDeadline, long heldMillis, List<OfferMade> offers) {
    }

    /** Blind transfer of the agent's connected call to a queue or (non-null {@code toAgent}) a named agent. */
    Handover transfer(long contact, String agent, long now, long wrapMs, String toQueue, String toAgent, long ringMs,
                      long reofferPauseMs) {
        List<Object> r = LuaScripts.list(scripts.run("transfer", List.of(prefix, Long.toString(contact), agent,
                Long.toString(now), Long.toString(wrapMs), toQueue == null ? "" : toQueue,
                toAgent == null ? "" : toAgent, Long.toString(ringMs), Long.toString(reofferPauseMs))));
        refused(contact, agent, r);
        String target = LuaScripts.str(r.get(2));
        String deadline = LuaScripts.str(r.get(8));
        return new Handover(LuaScripts.str(r.get(1)), target, Channel.valueOf(LuaScripts.str(r.get(3))),
                emptyToNull(LuaScripts.str(r.get(4))), emptyToNull(LuaScripts.str(r.get(5))),
                state(LuaScripts.str(r.get(6))), state(LuaScripts.str(r.get(7))),
                deadline.isEmpty() ? 0 : Long.parseLong(deadline), Long.parseLong(LuaScripts.str(r.get(9))),
                offers(r.subList(10, r.size()), target, now + ringMs));
    }

    /** Someone else's call is not the agent's business (403); a call that moved on or ended is a conflict (409). */
    private static void refused(long contact, String agent, List<Object> r) {
        if (!"ERR".equals(LuaScripts.str(r.get(0)))) {
            return;
        }
        String why = LuaScripts.str(r.get(1));
        if ("not-yours".equals(why)) {
            throw new NotPermittedException("Contact " + contact + " is not connected to " + agent);
        }
        throw new ConflictException("gone".equals(why) ? "contact-gone" : why,
                "Contact " + contact + " cannot be changed by " + agent + " now (" + why + ")");
    }

    void identified(long contact, long customerId, CustomerTier tier) {
        scripts.run("identify", List.of(prefix, Long.toString(contact), Long.toString(customerId),
                tier == null ? "" : tier.name()));
    }

    /** The contact as routing holds it, or null when routing does not know it (or it has left). */
    LiveContact contact(long contact) {
        Map<String, String> h = redis.hgetAll(prefix + "c:" + contact);
        if (h.isEmpty() || h.get("queue") == null) {
            return null;
        }
        String tier = h.getOrDefault("tier", "");
        return new LiveContact(contact, h.get("queue"), parseLong(h.get("score")), Channel.valueOf(h.get("channel")),
                customer(h.get("cust")), tier.isEmpty() ? null : CustomerTier.valueOf(tier),
                emptyToNull(h.get("provider")), emptyToNull(h.get("ext")), parseLong(h.get("arrived")), h.get("state"),
                emptyToNull(h.get("agent")), !h.getOrDefault("answered", "").isEmpty(), emptyToNull(h.get("from")));
    }

    /** Takes a due timer; true on exactly one node. */
    boolean claim(String timer) {
        return redis.zrem(prefix + "timers", timer) == 1;
    }

    List<String> waiting(String queue) {
        return redis.zrange(prefix + "q:" + queue + ":wait", 0, -1);
    }

    /** Score of the queue's best waiting contact, or +infinity when none waits. */
    double headScore(String queue) {
        var head = redis.zrangeWithScores(prefix + "q:" + queue + ":wait", 0, 0);
        return head.isEmpty() ? Double.POSITIVE_INFINITY : head.get(0).getScore();
    }

    /**
     * Timer members due at {@code now}: {@code o|contact|agent} ring deadlines, {@code w|agent|token} wrap-up ends,
     * {@code e|contact|step} escalation steps, {@code m|queue|contact} re-offer checks.
     */
    List<String> dueTimers(long now, int max) {
        return redis.zrangeByScore(prefix + "timers", 0, now, 0, max);
    }

    /** When the earliest timer is due (epoch millis), or null when there is none. */
    Long earliestTimer() {
        var first = redis.zrangeWithScores(prefix + "timers", 0, 0);
        return first.isEmpty() ? null : (long) first.get(0).getScore();
    }

    private List<OfferMade> offers(List<Object> r, String queue, long deadline) {
        if (r.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<OfferMade>(r.size() / 9);
        for (int i = 0; i + 8 < r.size(); i += 9) {
            String tier = LuaScripts.str(r.get(i + 7));
            out.add(new OfferMade(Long.parseLong(LuaScripts.str(r.get(i))), queue, LuaScripts.str(r.get(i + 1)),
                    state(LuaScripts.str(r.get(i + 2))), Channel.valueOf(LuaScripts.str(r.get(i + 3))),
                    customer(LuaScripts.str(r.get(i + 4))), deadline, "1".equals(LuaScripts.str(r.get(i + 5))),
                    emptyToNull(LuaScripts.str(r.get(i + 6))), tier.isEmpty() ? null : CustomerTier.valueOf(tier),
                    emptyToNull(LuaScripts.str(r.get(i + 8)))));
        }
        return out;
    }

    private static long micros(java.time.Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }

    private static AgentState checked(String agent, AgentState to, Object reply) {
        List<Object> r = LuaScripts.list(reply);
        AgentState current = state(LuaScripts.str(r.get(1)));
        if ("ERR".equals(LuaScripts.str(r.get(0)))) {
            throw new ConflictException("agent-state", "Agent " + agent + " is " + current + " and cannot go " + to + " now");
        }
        return current;
    }

    private static List<String> strings(List<Object> r, int from) {
        var out = new ArrayList<String>(Math.max(0, r.size() - from));
        for (int i = from; i < r.size(); i++) {
            out.add(LuaScripts.str(r.get(i)));
        }
        return out;
    }

    private static String score(double score) {
        return Long.toString((long) score);
    }

    private static AgentState state(String s) {
        return s == null || s.isEmpty() ? AgentState.OFFLINE : AgentState.valueOf(s);
    }

    private static Long customer(String s) {
        return s == null || s.isEmpty() ? null : Long.valueOf(s);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static long parseLong(String s) {
        return s == null || s.isEmpty() ? 0 : (long) Double.parseDouble(s);
    }
}
