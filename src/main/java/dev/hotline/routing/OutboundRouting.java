package dev.hotline.routing;

import dev.hotline.contact.ContactDirection;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Outbound calls in the live state: assigned straight to the calling agent ({@code lua/dial.lua}), ended when they
 * never connected ({@code lua/unreached.lua}); both journalled like every other transition. Once the customer
 * answers, the call is an ordinary assigned contact: {@link ContactRouting#answered}, {@link ContactRouting#callerHungUp}
 * and the agent's finish work on it unchanged. Never queued, so never in the three-ring escalation or its figures.
 */
@Component
class OutboundRouting {

    private final LuaScripts scripts;
    private final String prefix;
    private final RedisRoutingStore store;
    private final AgentDirectory directory;
    private final ContactIntake contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutboundRouting(RedisClient redis, RoutingProperties properties, RedisRoutingStore store, AgentDirectory directory,
                    ContactIntake contacts, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.scripts = new LuaScripts(redis, "dev/hotline/routing/lua/prelude.lua");
        this.prefix = properties.keyPrefix();
        this.store = store;
        this.directory = directory;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    ContactSnapshot dial(NewContact contact, String agent) {
        if (contact == null || contact.direction() != ContactDirection.OUTBOUND || contact.channel() != Channel.VOICE) {
            throw new InvalidInputException("direction", "Only an OUTBOUND voice contact is dialled out");
        }
        directory.get(agent);   // no routing profile: 404 before anything is recorded
        AgentState now = store.agent(agent).state();
        if (!free(now)) {
            throw notFree(agent, now);
        }
        ContactSnapshot stored = contacts.arrived(contact);
        long at = clock.millis();
        List<Object> r = LuaScripts.list(scripts.run("dial", List.of(prefix, Long.toString(stored.id().value()), agent,
                Long.toString(at), stored.queue(), stored.channel().name(),
                stored.customerId() == null ? "" : stored.customerId().toString(),
                stored.customerTier() == null ? "" : stored.customerTier().name(), stored.provider(),
                stored.externalId() == null ? "" : stored.externalId())));
        if ("ERR".equals(LuaScripts.str(r.get(0)))) {
            // an offer reached the agent between the check and the script: the contact was ended as FAILED
            throw notFree(agent, state(LuaScripts.str(r.get(1))));
        }
        events.publishEvent(new AgentStateChanged(agent, state(LuaScripts.str(r.get(1))), AgentState.BUSY, "outbound",
                stored.id(), Instant.ofEpochMilli(at)));
        return stored;
    }

    /** True when the call ended now and the agent was freed (the caller then matches waiting contacts to it). */
    boolean unreached(ContactId id, String agent, String reason) {
        long at = clock.millis();
        List<Object> r = LuaScripts.list(scripts.run("unreached", List.of(prefix, Long.toString(id.value()), agent,
                Long.toString(at), reason == null || reason.isBlank() ? "not-connected" : reason)));
        if (r.isEmpty()) {
            return false;
        }
        AgentState from = state(LuaScripts.str(r.get(1)));
        AgentState to = state(LuaScripts.str(r.get(2)));
        if (from != to) {
            events.publishEvent(new AgentStateChanged(agent, from, to, "outbound-" + reason, id,
                    Instant.ofEpochMilli(at)));
        }
        return true;
    }

    private static boolean free(AgentState state) {
        return state == AgentState.AVAILABLE || state == AgentState.WRAP_UP;
    }

    private static ConflictException notFree(String agent, AgentState state) {
        return new ConflictException("agent-not-free", "Agent " + agent + " is " + state
                + " and cannot start a call now (AVAILABLE or WRAP_UP, no offer ringing, no contact in hand)");
    }

    /** An agent state as a script returns it (empty or unknown: OFFLINE). */
    static AgentState state(String s) {
        try {
            return s == null || s.isEmpty() ? AgentState.OFFLINE : AgentState.valueOf(s);
        } catch (IllegalArgumentException e) {
            return AgentState.OFFLINE;
        }
    }
}
