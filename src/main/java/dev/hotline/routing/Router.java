package dev.hotline.routing;

import dev.hotline.contact.ContactArrived;
import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.RedisRoutingStore.OfferMade;
import dev.hotline.routing.RedisRoutingStore.WaitingContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.DomainException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The ACD engine: puts arriving contacts into Redis, turns matches into offers (contact history, events, ring
 * deadlines) and handles what happens to an offer. Matching is event-driven: on arrival, when an agent becomes free,
 * when an offer is declined or expires, when a contact leaves. There is no polling loop; only timers are swept.
 */
@Component
class Router implements ContactRouting {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final RedisRoutingStore store;
    private final QueueCatalog catalog;
    private final AgentDirectory directory;
    private final ContactIntake contacts;
    private final ApplicationEventPublisher events;
    private final RoutingProperties properties;
    private final RoutingTimers timers;
    private final Clock clock;

    Router(RedisRoutingStore store, QueueCatalog catalog, AgentDirectory directory, ContactIntake contacts,
           ApplicationEventPublisher events, RoutingProperties properties, RoutingTimers timers,
           ObjectProvider<Clock> clock) {
        this.store = store;
        this.catalog = catalog;
        this.directory = directory;
        this.contacts = contacts;
        this.events = events;
        this.properties = properties;
        this.timers = timers;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        timers.onDue(this::fire);
    }

    long now() {
        return clock.millis();
    }

    /** A contact arrived (recovery: arrived again): its queue recorded, then routed. */
    void enqueue(ContactArrived e) {
        QueueSettings q = placeInQueue(e);
        if (q != null) {
            route(e, q);
        }
    }

    /**
     * Records the contact's queue and ring period. Called inside the arrival's own transaction, so the hot path takes
     * one database transaction for arrival and queueing together; null when the contact has ended meanwhile.
     */
    QueueSettings placeInQueue(ContactArrived e) {
        QueueSettings q = catalog.resolve(e.queue());
        try {
            contacts.queued(e.contactId(), q.name(), q.ringPeriod());
            return q;
        } catch (DomainException gone) {
            log.debug("Contact {} ended before routing took it: {}", e.contactId(), gone.getMessage());
            return null;
        }
    }

    /** Hot path after the commit: one Redis script puts the contact in its queue and matches it with a free agent. */
    void route(ContactArrived e, QueueSettings q) {
        long arrived = e.arrivedAt() == null ? now() : e.arrivedAt().toEpochMilli();
        var waiting = new WaitingContact(e.contactId().value(), q.name(),
                RoutingPolicy.waitingScore(e.customerTier(), false, arrived), e.channel(), e.customerId(),
                e.customerTier(), e.provider(), arrived);
        long now = now();
        List<OfferMade> offers = store.enqueue(waiting, now, q.ringNoAnswer().toMillis());
        events.publishEvent(new ContactQueued(e.contactId(), q.name(), e.channel(), Instant.ofEpochMilli(arrived)));
        announce(offers, now);
    }

    /** Moved to another queue: same arrival time and priority, new queue. */
    void transfer(ContactId id, String toQueue) {
        WaitingContact c = store.waitingContact(id.value());
        if (c == null) {
            return;
        }
        drop(id, "transferred", false);
        QueueSettings q = catalog.resolve(toQueue);
        var moved = new WaitingContact(c.id(), q.name(), c.score(), c.channel(), c.customerId(), c.tier(), c.provider(),
                c.arrivedMillis());
        long now = now();
        announce(store.enqueue(moved, now, q.ringNoAnswer().toMillis()), now);
    }

    /** Offers waiting contacts of the queue to its free agents. */
    void match(String queue) {
        long now = now();
        announce(store.match(queue, now, catalog.resolve(queue).ringNoAnswer().toMillis(), 1_000), now);
    }

    /** The agent became free: try its queues, the one with the best waiting contact first. */
    void matchFor(String agent) {
        List<String> queues = store.agentQueues(agent);
        if (queues.size() > 1) {
            queues = queues.stream().sorted(Comparator.comparingDouble(store::headScore)).toList();
        }
        for (String q : queues) {
            match(q);
        }
    }

    /**
     * Tells the agents first, then records the offers: the ring runs from the moment Redis made the offer, so an agent
     * must not wait for the database (seconds under load) to hear of it. A contact that ended meanwhile, or that
     * another agent answered first, is withdrawn again.
     */
    private void announce(List<OfferMade> offers, long now) {
        if (offers.isEmpty()) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now);
        for (OfferMade o : offers) {
            var id = new ContactId(o.contact());
            events.publishEvent(new AgentStateChanged(o.agent(), o.agentWas(), AgentState.RESERVED, "offer", id, at));
            events.publishEvent(new ContactOffered(id, o.agent(), o.queue(), o.channel(), o.customerId(), at,
                    Instant.ofEpochMilli(o.deadline()), o.widened()));
            timers.at(o.deadline());
        }
        for (OfferMade o : offers) {
            var id = new ContactId(o.contact());
            try {
                contacts.offered(id, o.agent(), at);
            } catch (DomainException late) {
                offerOvertaken(id, o, now, late);
            }
        }
    }

    /** The offer could not be recorded: the caller hung up, or the contact was answered before the record was made. */
    private void offerOvertaken(ContactId id, OfferMade o, long now, DomainException why) {
        log.debug("Contact {} could not be recorded as offered to {}: {}", id, o.agent(), why.getMessage());
        var contact = contacts.find(id);
        if (contact.map(c -> c.isFinal()).orElse(true)) {
            drop(id, "contact-gone");
        } else if (!o.agent().equals(contact.get().agent())) {
            var declined = store.decline(o.contact(), o.agent(), now, false);
            if (declined != null) {
                Instant at = Instant.ofEpochMilli(now);
                events.publishEvent(new AgentStateChanged(o.agent(), declined.agentWas(), declined.agentNow(),
                        "answered-elsewhere", id, at));
                events.publishEvent(new OfferWithdrawn(id, o.agent(), "answered-elsewhere", at));
                matchFor(o.agent());
            }
        }
        // answered by this very agent already: the offer did its job, nothing to undo
    }

    void accept(ContactId id, String agent) {
        long now = now();
        Instant at = Instant.ofEpochMilli(now);
        var accepted = store.accept(id.value(), agent, now, properties.sticky().toMillis());
        events.publishEvent(new AgentStateChanged(agent, accepted.agentWas(), AgentState.BUSY, "accept", id, at));
        withdrawn(id, accepted.withdrawn(), "accepted-by-other", at);
        if (answersOnAccept(accepted.provider(), accepted.channel())) {
            try {
                contacts.answered(id, agent, at);
            } catch (DomainException gone) {
                // the caller hung up in the same instant: release the agent again
                drop(id, "contact-gone");
                throw gone;
            }
        }
        AgentProfile profile = directory.get(agent);
        events.publishEvent(new ContactAssigned(id, agent, accepted.queue(), accepted.channel(), profile.extension(),
                profile.phone(), profile.clientIdentity()));
        for (String other : accepted.withdrawn()) {
            matchFor(other);
        }
    }

    void reject(ContactId id, String agent) {
        long now = now();
        var declined = store.decline(id.value(), agent, now, false);
        if (declined == null) {
            if (!store.offeredTo(id.value()).isEmpty()) {
                throw new NotPermittedException("Contact " + id + " is not offered to " + agent);
            }
            throw new ConflictException("offer-gone", "No offer of contact " + id + " rings for " + agent);
        }
        Instant at = Instant.ofEpochMilli(now);
        events.publishEvent(new AgentStateChanged(agent, declined.agentWas(), declined.agentNow(), "reject", id, at));
        afterDecline(id, agent, declined, "rejected", at);
        matchFor(agent);
    }

    /** A ring deadline passed (timer claimed atomically: on exactly one node). */
    private void expire(long contact, String agent, long now) {
        var declined = store.decline(contact, agent, now, true);
        if (declined == null) {
            return;
        }
        var id = new ContactId(contact);
        Instant at = Instant.ofEpochMilli(now);
        events.publishEvent(new AgentStateChanged(agent, declined.agentWas(), AgentState.BREAK, "ring-no-answer", id, at));
        events.publishEvent(new AgentRingNoAnswer(agent, id, at));
        events.publishEvent(new OfferWithdrawn(id, agent, "ring-no-answer", at));
        afterDecline(id, agent, declined, "ring-no-answer", at);
    }

    private void afterDecline(ContactId id, String agent, RedisRoutingStore.Declined declined, String reason,
                              Instant at) {
        if (!declined.requeued()) {
            return;
        }
        try {
            // only the contact's end fails this; a newer offer or answer recorded first is left as it is
            contacts.requeued(id, agent, reason, at);
        } catch (DomainException gone) {
            drop(id, "contact-gone");
            return;
        }
        match(declined.queue());
    }

    /**
     * Telephony could not connect an accepted contact to the agent: back to its original place in the queue, so the
     * caller is not lost. The agent's phone not answering counts as a ring-no-answer (agent paused, supervisor told).
     */
    void connectFailed(ContactId id, String agent, boolean agentDidNotAnswer) {
        var contact = contacts.find(id).orElseThrow(() -> new NotFoundException("Contact", id));
        if (contact.answeredAt() != null || contact.isFinal()) {
            throw new ConflictException("already-connected", "Contact " + id + " is " + contact.status()
                    + "; only a contact not yet connected can go back to the queue");
        }
        long now = now();
        var unassigned = store.unassign(id.value(), agent, now, agentDidNotAnswer);
        Instant at = Instant.ofEpochMilli(now);
        String reason = agentDidNotAnswer ? "ring-no-answer" : "connect-failed";
        events.publishEvent(new AgentStateChanged(agent, unassigned.agentWas(), unassigned.agentNow(), reason, id, at));
        if (agentDidNotAnswer) {
            events.publishEvent(new AgentRingNoAnswer(agent, id, at));
        }
        try {
            contacts.requeued(id, agent, reason, at);
        } catch (DomainException gone) {
            drop(id, "contact-gone");
            return;
        }
        // the ring clock keeps counting from arrival: escalation picks the contact up again where it stands
        events.publishEvent(new ContactQueued(id, unassigned.queue(), contact.channel(), contact.arrivedAt()));
        match(unassigned.queue());
        if (!agentDidNotAnswer) {
            matchFor(agent);
        }
    }

    void finish(ContactId id, String agent, String disposition) {
        long now = now();
        RedisRoutingStore.Finished finished;
        try {
            finished = store.finish(id.value(), agent, now, properties.wrapUp().toMillis());
        } catch (ConflictException notActive) {
            // the caller hung up first (the agent is already in WRAP_UP): finishing is just the disposition then.
            // Redis knows at once whom the contact left; the database may still be recording the hang-up.
            boolean endedWithAgent = agent.equals(store.leftFrom(id.value()))
                    || contacts.find(id).filter(c -> c.isFinal() && agent.equals(c.agent())).isPresent();
            if (endedWithAgent) {
                return;
            }
            throw notActive;
        }
        Instant at = Instant.ofEpochMilli(now);
        if (finished.agentWas() != finished.agentNow()) {
            events.publishEvent(new AgentStateChanged(agent, finished.agentWas(), finished.agentNow(),
                    disposition == null ? "finished" : disposition, id, at));
        }
        if (finished.wrapDeadline() > 0) {
            timers.at(finished.wrapDeadline());
        } else {
            matchFor(agent);  // still BUSY with spare text capacity
        }
        contacts.find(id).filter(c -> !c.isFinal()).ifPresent(c -> {
            try {
                contacts.ended(id, at);
            } catch (DomainException raced) {
                log.debug("Contact {} ended meanwhile: {}", id, raced.getMessage());
            }
        });
    }

    /** The contact left (abandoned, overflowed, ended): forget it, withdraw its offers, free its agent. */
    void drop(ContactId id, String reason) {
        drop(id, reason, true);
    }

    private void drop(ContactId id, String reason, boolean left) {
        long now = now();
        var dropped = store.drop(id.value(), now, properties.wrapUp().toMillis(), left);
        if (dropped == null) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now);
        withdrawn(id, dropped.withdrawn(), reason, at);
        if (dropped.wrappedAgent() != null) {
            events.publishEvent(new AgentStateChanged(dropped.wrappedAgent(), AgentState.BUSY, AgentState.WRAP_UP,
                    reason, id, at));
            timers.at(dropped.wrapDeadline());
        }
        for (String agent : dropped.withdrawn()) {
            matchFor(agent);
        }
    }

    private void withdrawn(ContactId id, List<String> agents, String reason, Instant at) {
        for (String agent : agents) {
            events.publishEvent(new OfferWithdrawn(id, agent, reason, at));
            events.publishEvent(new AgentStateChanged(agent, AgentState.RESERVED, store.agent(agent).state(), reason, id, at));
        }
    }

    /** A due timer: {@code o|contact|agent} ring deadline or {@code w|agent|token} end of wrap-up. */
    private void fire(String member, long now) {
        String[] p = member.split("\\|");
        if (p.length != 3) {
            return;
        }
        if ("o".equals(p[0])) {
            expire(Long.parseLong(p[1]), p[2], now);
        } else if ("w".equals(p[0])) {
            AgentState to = store.wrapped(p[1], p[2], now);
            if (to != null) {
                events.publishEvent(new AgentStateChanged(p[1], AgentState.WRAP_UP, to, "wrap-up-over", null,
                        Instant.ofEpochMilli(now)));
                matchFor(p[1]);
            }
        }
    }

    private boolean answersOnAccept(String provider, Channel channel) {
        return !channel.isVoice() || provider == null || !properties.telephonyProviders().contains(provider);
    }

    // --- ContactRouting

    @Override
    public QueueSettings queue(String name) {
        return catalog.resolve(name);
    }

    @Override
    public RoutingStatus status(ContactId contactId) {
        String s = store.contactState(contactId.value());
        if (s == null || "DONE".equals(s) || "GONE".equals(s)) {
            return RoutingStatus.NOT_ROUTED;
        }
        return RoutingStatus.valueOf(s);
    }

    @Override
    public int widen(ContactId contactId) {
        String queue = store.contactQueue(contactId.value());
        if (queue == null) {
            return 0;
        }
        long now = now();
        List<OfferMade> offers = store.widen(contactId.value(), now, catalog.resolve(queue).ringNoAnswer().toMillis());
        announce(offers, now);
        return offers.size();
    }

    @Override
    public void prioritize(ContactId contactId, boolean majorComplaint) {
        WaitingContact c = store.waitingContact(contactId.value());
        if (c != null) {
            store.rescore(c.id(), RoutingPolicy.waitingScore(c.tier(), majorComplaint, c.arrivedMillis()));
            match(c.queue());
        }
    }
}
