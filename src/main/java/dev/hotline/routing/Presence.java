package dev.hotline.routing;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** {@link AgentPresence}: state changes are compare-and-set scripts on the live state in Redis. */
@Component
class Presence implements AgentPresence {

    private final RedisRoutingStore store;
    private final AgentDirectory directory;
    private final Router router;
    private final ApplicationEventPublisher events;

    Presence(RedisRoutingStore store, AgentDirectory directory, Router router, ApplicationEventPublisher events) {
        this.store = store;
        this.directory = directory;
        this.router = router;
        this.events = events;
    }

    @Override
    public AgentStatus login(String agent) {
        if (store.agent(agent).state() != AgentState.OFFLINE) {
            return status(agent);
        }
        return changeState(agent, AgentState.AVAILABLE, null);
    }

    @Override
    public AgentStatus logout(String agent) {
        return changeState(agent, AgentState.OFFLINE, null);
    }

    @Override
    public AgentStatus available(String agent) {
        return changeState(agent, AgentState.AVAILABLE, null);
    }

    @Override
    public AgentStatus startBreak(String agent, String reason) {
        return changeState(agent, AgentState.BREAK, reason == null || reason.isBlank() ? "break" : reason);
    }

    @Override
    public AgentStatus changeState(String agent, AgentState to, String reason) {
        AgentProfile profile = directory.get(agent);   // NotFound for users without a routing profile
        AgentState from = store.agent(agent).state();
        if (from == to && to != AgentState.BREAK) {
            return status(agent);
        }
        if (!RoutingPolicy.allowsManual(from, to)) {
            throw new ConflictException("agent-state", "Agent " + agent + " is " + from + " and cannot go " + to
                    + (from == AgentState.RESERVED ? " before accepting or rejecting the offer" : "")
                    + (from == AgentState.BUSY ? " before finishing the contact" : ""));
        }
        long now = router.now();
        if (from == AgentState.OFFLINE) {
            store.login(agent, profile.voiceCapacity(), profile.textCapacity(), directory.queues(profile),
                    directory.wideQueues(profile), now);
        } else {
            store.changeState(agent, from, to, reason, now);
        }
        events.publishEvent(new AgentStateChanged(agent, from, to, reason, null, Instant.ofEpochMilli(now)));
        if (to == AgentState.AVAILABLE) {
            router.matchFor(agent);
        }
        return status(agent);
    }

    @Override
    public void accept(ContactId contactId, String agent) {
        router.accept(contactId, agent);
    }

    @Override
    public void reject(ContactId contactId, String agent) {
        router.reject(contactId, agent);
    }

    @Override
    public void connectFailed(ContactId contactId, String agent, boolean agentDidNotAnswer) {
        router.connectFailed(contactId, agent, agentDidNotAnswer);
    }

    @Override
    public void finish(ContactId contactId, String agent, String disposition) {
        router.finish(contactId, agent, disposition);
    }

    @Override
    public AgentStatus status(String agent) {
        var view = store.agent(agent);
        return new AgentStatus(agent, view.state(), view.reason(), view.since() == 0 ? null : Instant.ofEpochMilli(view.since()),
                view.offer() == null ? null : new ContactId(view.offer()),
                view.contacts().stream().map(ContactId::new).toList(), view.ringNoAnswers());
    }
}
