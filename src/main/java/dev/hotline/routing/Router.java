package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.RedisRoutingStore.Dropped;
import dev.hotline.routing.RedisRoutingStore.Leave;
import dev.hotline.routing.RedisRoutingStore.LiveContact;
import dev.hotline.routing.RedisRoutingStore.OfferMade;
import dev.hotline.routing.RedisRoutingStore.WaitingContact;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.CustomerTier;
import dev.hotline.shared.InvalidInputException;
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
 * The ACD engine and the one owner of the live contact. Every transition is one Redis script that changes the live
 * state and appends it to the journal the contact record is written from ({@link RoutingJournal}); nothing here waits
 * for the database except the arrival's own insert. Matching is event-driven: on arrival, when an agent becomes free,
 * when an offer is declined or expires, when a contact leaves. There is no polling loop; only timers (ring deadlines,
 * wrap-up ends, the three-ring escalation steps, re-offer checks) are swept.
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
    private final OutboundRouting outbound;
    private final LoggedContacts logged;
    private final CallbackRouting callbacks;
    /** Their calls are answered when telephony connects them; every other contact when the agent accepts it. */
    private final String telephonyProviders;

    Router(RedisRoutingStore store, QueueCatalog catalog, AgentDirectory directory, ContactIntake contacts,
           ApplicationEventPublisher events, RoutingProperties properties, RoutingTimers timers,
           ObjectProvider<Clock> clock, OutboundRouting outbound, LoggedContacts logged,
           CallbackRouting callbacks) {
        this.outbound = outbound;
        this.callbacks = callbacks;
        this.logged = logged;
        this.store = store;
        this.catalog = catalog;
        this.directory = directory;
        this.contacts = contacts;
        this.events = events;
        this.properties = properties;
        this.timers = timers;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        // a callback is answered when its call-back connects, whatever telephony places it
        this.telephonyProviders = String.join(",", properties.telephonyProviders()) + "," + CallbackRouting.PROVIDER;
        timers.onDue(this::fire);
    }

    long now() {
        return clock.millis();
    }

    @Override
    public ContactSnapshot arrive(NewContact contact) {
        ContactSnapshot stored = contacts.arrived(contact);
        if (!stored.isFinal()) {
            route(stored);   // a retry of a known contact changes nothing in Redis (unless Redis lost it)
        }
        return stored;
    }

    @Override
    public ContactSnapshot takeIn(NewContact contact, String agent) {
        ContactSnapshot stored = contacts.arrived(contact);
        if (!stored.isFinal() && !logged.take(stored, agent)) {
            route(stored);   // the agent cannot hold it now (or it is a retry): the queue finds someone
        }
        return stored;
    }

    /** One Redis script puts the contact in its queue, starts its escalation steps and matches it with a free agent. */
    void route(ContactSnapshot c) {
        route(c, null);
    }

    /**
     * The rebuild's {@link #route(ContactSnapshot)} of a contact the record shows ringing at {@code ringingAt}: that
     * agent is offered it first (an accept lost with Redis is sent again by its console, the call not given to another).
     */
    void route(ContactSnapshot c, String ringingAt) {
        QueueSettings q = catalog.resolve(c.queue());
        long arrived = c.arrivedAt().toEpochMilli();
        var waiting = new WaitingContact(c.id().value(), q.name(),
                RoutingPolicy.waitingScore(c.customerTier(), false, arrived), c.channel(), c.customerId(),
                c.customerTier(), c.provider(), c.externalId(), arrived, c.from());
        long now = now();
        var escalation = EscalationTimeline.of(q, c.channel(), c.arrivedAt());
        var enqueued = ringingAt == null
                ? store.enqueue(waiting, now, q.ringNoAnswer().toMillis(), q.ringPeriod().toMillis(), escalation, null,
                        reofferPause())
                : store.enqueueRingingAt(waiting, ringingAt, now, q.ringNoAnswer().toMillis(),
                        q.ringPeriod().toMillis(), escalation, reofferPause());
        if (enqueued.isNew()) {
            events.publishEvent(new ContactQueued(c.id(), q.name(), c.channel(), c.arrivedAt()));
            wakeUpFor(escalation);
        }
        announce(enqueued.offers(), now);
    }

    @Override
    public void transfer(ContactId id, String toQueue) {
        if (toQueue == null || toQueue.isBlank()) {
            throw new InvalidInputException("queue", "A transfer needs a target queue");
        }
        LiveContact c = store.contact(id.value());
        if (c == null) {
            throw new ConflictException("contact-gone", "Contact " + id + " is not live; only a live contact can move");
        }
        QueueSettings q = catalog.resolve(toQueue);
        var escalation = EscalationTimeline.of(q, c.channel(), Instant.ofEpochMilli(c.arrivedMillis()));
        release(id, store.drop(id.value(), now(), properties.wrapUp().toMillis(), Leave.MOVE, null), "transferred");
        var moved = new WaitingContact(c.id(), q.name(), c.score(), c.channel(), c.customerId(), c.tier(), c.provider(),
                c.externalId(), c.arrivedMillis(), c.from());
        long now = now();
        Instant arrivedAt = Instant.ofEpochMilli(c.arrivedMillis());
        // offered once already: the wallboard shows it waiting in its new queue without counting a second offer
        events.publishEvent(new ContactTransferred(id, null, c.queue(), q.name(), null, c.channel(), c.provider(),
                c.externalId(), arrivedAt, Instant.ofEpochMilli(now)));
        announce(store.enqueue(moved, now, q.ringNoAnswer().toMillis(), q.ringPeriod().toMillis(), escalation,
                c.queue(), reofferPause()).offers(), now);
        wakeUpFor(escalation);
    }

    @Override
    public void transfer(ContactId id, String agent, String toQueue, String toAgent) {
        boolean named = toAgent != null && !toAgent.isBlank();
        boolean queued = toQueue != null && !toQueue.isBlank();
        if (named == queued) {
            throw new InvalidInputException("target", "A transfer goes to a queue or to an agent (one of the two)");
        }
        LiveContact c = store.contact(id.value());
        if (c == null) {
            throw new ConflictException("contact-gone", "Contact " + id + " is not live; only a live call can be transferred");
        }
        String queue = named ? c.queue() : catalog.resolve(toQueue).name();
        String target = named ? toAgent : null;
        long now = now();
        var handover = store.transfer(id.value(), agent, now, properties.wrapUp().toMillis(), queue, target,
                catalog.resolve(queue).ringNoAnswer().toMillis(), reofferPause());
        Instant at = Instant.ofEpochMilli(now);
        // a held call's hold ends with the transfer (journal RESUMED); no ContactResumed: telephony must not bring the
        // caller back to the agent who let go, it moves the caller on (ContactTransferred)
        if (handover.agentWas() != handover.agentNow()) {
            events.publishEvent(new AgentStateChanged(agent, handover.agentWas(), handover.agentNow(), "transferred",
                    id, at));
        }
        events.publishEvent(new ContactReleased(id, agent, handover.fromQueue(), handover.channel(), "transferred", at));
        events.publishEvent(new ContactTransferred(id, agent, handover.fromQueue(), handover.toQueue(), target,
                handover.channel(), handover.provider(), handover.externalId(), Instant.ofEpochMilli(c.arrivedMillis()),
                at));
        if (handover.wrapDeadline() > 0) {
            timers.at(handover.wrapDeadline());
        }
        announce(handover.offers(), now);
    }

    @Override
    public void hold(ContactId id, String agent, boolean hold) {
        long now = now();
        var change = store.hold(id.value(), agent, now, hold);
        Instant at = Instant.ofEpochMilli(now);
        events.publishEvent(hold
                ? new ContactHeld(id, agent, change.queue(), change.channel(), change.provider(), change.externalId(), at)
                : new ContactResumed(id, agent, change.queue(), change.channel(), change.provider(),
                change.externalId(), java.time.Duration.ofMillis(change.heldMillis()), at));
    }

    /** Offers waiting contacts of the queue to its free agents. */
    void match(String queue) {
        long now = now();
        announce(store.match(queue, now, catalog.resolve(queue).ringNoAnswer().toMillis(), 1_000, reofferPause()), now);
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

    /** The ring runs from the moment Redis made the offer: agents hear of it at once. */
    private void announce(List<OfferMade> offers, long now) {
        Instant at = Instant.ofEpochMilli(now);
        for (OfferMade o : offers) {
            var id = new ContactId(o.contact());
            events.publishEvent(new AgentStateChanged(o.agent(), o.agentWas(), AgentState.RESERVED, "offer", id, at));
            events.publishEvent(new ContactOffered(id, o.agent(), o.queue(), o.channel(), o.customerId(), at,
                    Instant.ofEpochMilli(o.deadline()), o.widened(), o.from(), o.tier(), o.callbackTo()));
            timers.at(o.deadline());
        }
    }

    void accept(ContactId id, String agent) {
        long now = now();
        Instant at = Instant.ofEpochMilli(now);
        var accepted = store.accept(id.value(), agent, now, properties.sticky().toMillis(), telephonyProviders);
        events.publishEvent(new AgentStateChanged(agent, accepted.agentWas(), AgentState.BUSY, "accept", id, at));
        withdrawn(id, accepted.withdrawn(), "accepted-by-other", at);
        AgentProfile profile = directory.get(agent);
        events.publishEvent(new ContactAssigned(id, agent, accepted.queue(), accepted.channel(), accepted.provider(),
                accepted.externalId(), profile.extension(),
                profile.phone(), profile.clientIdentity(), accepted.from(), accepted.customerId()));
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
        events.publishEvent(new OfferWithdrawn(id, agent, "rejected", at));
        if (declined.requeued()) {
            match(declined.queue());
        }
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
        if (declined.requeued()) {
            match(declined.queue());
        }
    }

    /**
     * Telephony could not connect an accepted contact to the agent: back to its original place in the queue, so the
     * caller is not lost. The agent's phone not answering counts as a ring-no-answer (agent paused, supervisor told).
     */
    void connectFailed(ContactId id, String agent, boolean agentDidNotAnswer) {
        LiveContact c = store.contact(id.value());
        if (c == null) {
            throw new ConflictException("contact-gone", "Contact " + id + " has ended; nothing goes back to the queue");
        }
        QueueSettings q = catalog.resolve(c.queue());
        Instant arrivedAt = Instant.ofEpochMilli(c.arrivedMillis());
        long now = now();
        var escalation = EscalationTimeline.of(q, c.channel(), arrivedAt);
        var unassigned = store.unassign(id.value(), agent, now, agentDidNotAnswer, escalation);
        Instant at = Instant.ofEpochMilli(now);
        String reason = agentDidNotAnswer ? "ring-no-answer" : "connect-failed";
        events.publishEvent(new AgentStateChanged(agent, unassigned.agentWas(), unassigned.agentNow(), reason, id, at));
        events.publishEvent(new ContactReleased(id, agent, c.queue(), c.channel(), reason, at));
        if (agentDidNotAnswer) {
            events.publishEvent(new AgentRingNoAnswer(agent, id, at));
        }
        // offered once already (ContactQueued at arrival): it waits again in its queue, not a second offer on the
        // wallboard, whose ring clock still runs from the arrival
        events.publishEvent(new ContactTransferred(id, null, unassigned.queue(), unassigned.queue(), null,
                c.channel(), c.provider(), c.externalId(), arrivedAt, at));
        if (!unassigned.handedOn()) {
            // never answered: escalation picks the contact up again where it stands (a transferred call has none)
            wakeUpFor(escalation);
        }
        match(unassigned.queue());
        if (!agentDidNotAnswer) {
            matchFor(agent);
        }
    }

    @Override
    public void answered(ContactId id, String agent, Instant at) {
        store.answer(id.value(), agent, at == null ? Instant.ofEpochMilli(now()) : at);
    }

    void finish(ContactId id, String agent, String disposition) {
        long now = now();
        var finished = store.finish(id.value(), agent, now, properties.wrapUp().toMillis(), disposition);
        if (finished == null) {
            return;   // the caller hung up first: the agent is in WRAP_UP already, the disposition is recorded
        }
        Instant at = Instant.ofEpochMilli(now);
        if (finished.agentWas() != finished.agentNow()) {
            events.publishEvent(new AgentStateChanged(agent, finished.agentWas(), finished.agentNow(),
                    disposition == null ? "finished" : disposition, id, at));
        }
        events.publishEvent(new ContactReleased(id, agent, finished.queue(), finished.channel(), "finished", at));
        if (finished.wrapDeadline() > 0) {
            timers.at(finished.wrapDeadline());
        } else {
            matchFor(agent);  // still BUSY with spare text capacity
        }
    }

    @Override
    public void callerHungUp(ContactId id, Instant at) {
        Instant when = at == null ? Instant.ofEpochMilli(now()) : at;
        release(id, store.drop(id.value(), when, properties.wrapUp().toMillis(), Leave.HANGUP, null), "contact-gone");
    }

    /** What follows a contact leaving its place: offers withdrawn, its agent told (and in wrap-up), freed agents matched. */
    private void release(ContactId id, Dropped dropped, String reason) {
        if (dropped == null) {
            return;
        }
        Instant at = Instant.ofEpochMilli(now());
        withdrawn(id, dropped.withdrawn(), reason, at);
        if (dropped.releasedAgent() != null) {
            events.publishEvent(new ContactReleased(id, dropped.releasedAgent(), dropped.queue(), dropped.channel(),
                    reason, at));
        }
        if (dropped.wrappedAgent() != null) {
            events.publishEvent(new AgentStateChanged(dropped.wrappedAgent(), AgentState.BUSY, AgentState.WRAP_UP,
                    reason, id, at));
            timers.at(dropped.wrapDeadline());
        } else if (dropped.releasedAgent() != null) {
            matchFor(dropped.releasedAgent());
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

    /**
     * A due timer: {@code o|contact|agent} ring deadline, {@code w|agent|token} end of wrap-up, {@code e|contact|step}
     * escalation step, {@code m|queue|contact} re-offer check.
     */
    private void fire(String member, long now) {
        String[] p = member.split("\\|");
        if (p.length != 3) {
            return;
        }
        switch (p[0]) {
            case "o" -> expire(Long.parseLong(p[1]), p[2], now);
            case "w" -> {
                AgentState to = store.wrapped(p[1], p[2], now);
                if (to != null) {
                    events.publishEvent(new AgentStateChanged(p[1], AgentState.WRAP_UP, to, "wrap-up-over", null,
                            Instant.ofEpochMilli(now)));
                    matchFor(p[1]);
                }
            }
            case "e" -> {
                if (store.claim(member)) {
                    escalate(new ContactId(Long.parseLong(p[1])), p[2], now);
                }
            }
            case "m" -> {
                if (store.claim(member)) {
                    match(p[1]);
                }
            }
            default -> log.warn("Unknown routing timer {}", member);
        }
    }

    /** The three-ring rule: alert supervisors, ring everyone with the skill, then the on-call phone. */
    private void escalate(ContactId id, String step, long now) {
        LiveContact c = store.contact(id.value());
        if (c == null || !c.unanswered()) {
            return;
        }
        QueueSettings q = catalog.resolve(c.queue());
        Instant at = Instant.ofEpochMilli(now);
        switch (step) {
            case "alert" -> {
                if ("WAITING".equals(c.state())) {
                    events.publishEvent(new RingAlert(id, q.name(), q.alertRing(), at));
                }
            }
            case "widen" -> widen(id);
            case "overflow" -> overflow(id, q, at);
            default -> log.warn("Unknown escalation step {} of contact {}", step, id);
        }
    }

    private void overflow(ContactId id, QueueSettings q, Instant at) {
        var target = q.onCallTarget(at);
        if (target.isEmpty()) {
            // nobody on call at this hour: keep the caller waiting for an agent and make supervisors look
            log.warn("Contact {} in queue {} reached the overflow ring but no on-call target covers {}", id, q.name(), at);
            events.publishEvent(new RingAlert(id, q.name(), q.overflowRing(), at));
            return;
        }
        overflow(id, target.get());
    }

    @Override
    public boolean overflow(ContactId id, String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("target", "An overflow needs the number to send the caller to");
        }
        var dropped = store.drop(id.value(), now(), properties.wrapUp().toMillis(), Leave.OVERFLOW, target);
        release(id, dropped, "overflowed");
        return dropped != null;
    }

    /** This node wakes up right when the steps are due (every node's sweep is the safety net). */
    private void wakeUpFor(RedisRoutingStore.Escalation escalation) {
        if (escalation.alertAt() > 0) {
            timers.at(escalation.alertAt());
            timers.at(escalation.widenAt());
            timers.at(escalation.overflowAt());
        }
    }

    private long reofferPause() {
        return properties.reofferPause().toMillis();
    }

    // --- ContactRouting

    @Override
    public ContactSnapshot dialOut(NewContact contact, String agent) {
        return outbound.dial(contact, agent);
    }

    @Override
    public boolean dialFailed(ContactId contactId, String agent, String reason) {
        CallbackRouting.Unreached callback = callbacks.unreached(contactId, agent, reason);
        if (callback != null) {
            if ("requeued".equals(callback.what())) {
                match(callback.queue());   // a retry waits for CallbackRetries
            }
            matchFor(agent);
            return true;
        }
        if (!outbound.unreached(contactId, agent, reason)) {
            return false;
        }
        matchFor(agent);   // free again: calls may be waiting for it
        return true;
    }

    @Override
    public QueueSettings queue(String name) {
        return catalog.resolve(name);
    }

    @Override
    public RoutingStatus status(ContactId contactId) {
        String s = store.contactState(contactId.value());
        if (s == null) {
            return RoutingStatus.NOT_ROUTED;
        }
        if ("DONE".equals(s) || "GONE".equals(s)) {
            return RoutingStatus.ENDED;
        }
        return RoutingStatus.valueOf(s);
    }

    @Override
    public Instant heldSince(ContactId contactId) {
        Long held = store.heldSince(contactId.value());
        return held == null ? null : Instant.ofEpochMilli(held);
    }

    @Override
    public void identified(ContactId contactId, long customerId, CustomerTier tier) {
        store.identified(contactId.value(), customerId, tier);
    }

    @Override
    public String assignedAgent(ContactId contactId) {
        LiveContact c = store.contact(contactId.value());
        return c != null && "ASSIGNED".equals(c.state()) ? c.agent() : null;
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
        LiveContact c = store.contact(contactId.value());
        if (c != null) {
            store.rescore(c.id(), RoutingPolicy.waitingScore(c.tier(), majorComplaint, c.arrivedMillis()));
            match(c.queue());
        }
    }

    @Override
    public void requestCallback(ContactId contactId, String number) {
        callbacks.request(contactId, number);
    }

    @Override
    public java.util.Optional<Callback> callback(ContactId contactId) {
        return callbacks.callback(contactId);
    }

    @Override
    public long waiting(String queue) {
        return callbacks.waiting(catalog.resolve(queue).name());
    }
}
