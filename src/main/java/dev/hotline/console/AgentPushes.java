package dev.hotline.console;

import dev.hotline.routing.ContactReleased;
import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentStateChanged;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.routing.ContactOffered;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.OfferWithdrawn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Pushes routing and contact events to the agent's console. Runs on {@link PushLanes} so that the routing thread
 * does not wait for screen-pop queries, while one agent's pushes keep their order.
 */
@Component
class AgentPushes {

    private static final Logger log = LoggerFactory.getLogger(AgentPushes.class);

    private final ConsoleRelay relay;
    private final PushLanes lanes;
    private final ContactIntake contacts;
    private final ContactRouting routing;
    private final ScreenPops screenPops;
    private final AgentPresence presence;

    AgentPushes(ConsoleRelay relay, PushLanes lanes, ContactIntake contacts, ContactRouting routing,
                ScreenPops screenPops, AgentPresence presence) {
        this.relay = relay;
        this.lanes = lanes;
        this.contacts = contacts;
        this.routing = routing;
        this.screenPops = screenPops;
        this.presence = presence;
    }

    @EventListener
    void on(ContactOffered e) {
        lanes.run(e.agent(), () -> {
            var offer = offer(e);
            // checked after the screen pop, which may be slow: an offer answered, withdrawn or hung up meanwhile must
            // not ring on the console, numbered after the pushes that ended it
            if (!e.contactId().equals(presence.status(e.agent()).pendingOffer())) {
                log.debug("Offer of contact {} to {} ended before it was pushed", e.contactId(), e.agent());
                return;
            }
            relay.toAgent(e.agent(), Destinations.OFFERS, offer);
        });
    }

    @EventListener
    void on(OfferWithdrawn e) {
        lanes.run(e.agent(), () -> relay.toAgent(e.agent(), Destinations.OFFERS,
                new ConsoleMessages.OfferWithdrawn("offer-withdrawn", e.contactId().value(), e.reason(), e.at())));
    }

    @EventListener
    void on(AgentStateChanged e) {
        Long contactId = e.contactId() == null ? null : e.contactId().value();
        lanes.run(e.agent(), () -> relay.toAgent(e.agent(), Destinations.STATE,
                new ConsoleMessages.StateChanged("state", e.to(), e.from(), e.reason(), contactId, e.at())));
    }

    @EventListener
    void on(ContactAssigned e) {
        lanes.run(e.agent(), () -> {
            relay.toAgent(e.agent(), Destinations.CONTACTS, activeContact(e, "contact-assigned"));
            // a caller who hung up at the accept may have been released on another node, whose contact-ended was
            // numbered before this push: the console would keep a call that is over (seen in the soak). Routing changed
            // state before that push was numbered, so asking it after this one catches it; the repeat is harmless.
            if (!e.agent().equals(routing.assignedAgent(e.contactId()))) {
                relay.toAgent(e.agent(), Destinations.CONTACTS, ended(e.contactId().value(), e.queue(), e.channel()));
            }
        });
    }

    /** Finished, the caller hung up (also before the call was connected), or given back: off the agent's screen. */
    @EventListener
    void on(ContactReleased e) {
        lanes.run(e.agent(), () -> relay.toAgent(e.agent(), Destinations.CONTACTS,
                ended(e.contactId().value(), e.queue(), e.channel())));
    }

    private static ConsoleMessages.ActiveContact ended(long contactId, String queue, dev.hotline.shared.Channel channel) {
        return new ConsoleMessages.ActiveContact("contact-ended", contactId, queue, channel, null, null, null);
    }

    ConsoleMessages.Offer offer(ContactOffered e) {
        var pop = screenPops.of(e);
        long period = routing.queue(e.queue()).ringPeriod().toMillis();
        long remaining = Math.max(0, Duration.between(Instant.now(), e.ringDeadline()).toMillis());
        return new ConsoleMessages.Offer("offer", e.contactId().value(), e.queue(), e.channel(), e.offeredAt(),
                e.ringDeadline(), period, remaining, e.widened(), pop, e.callbackTo());
    }

    /**
     * From routing's live contact, without a database read; {@code answeredAt} stays empty (a call is answered when
     * telephony connects it, a message on the accept itself: the console times the contact from this push). A contact
     * routing holds without the caller's address (an older version queued it) is read from the record.
     */
    private ConsoleMessages.ActiveContact activeContact(ContactAssigned e, String type) {
        // a queued callback (provider "callback"): the number it is called back on; no Redis read for other contacts
        String callbackTo = "callback".equals(e.provider()) ? callbackTo(e.contactId()) : null;
        if (e.from() != null) {
            return new ConsoleMessages.ActiveContact(type, e.contactId().value(), e.queue(), e.channel(), e.from(),
                    e.customerId(), null, null, callbackTo);
        }
        var contact = contacts.find(e.contactId());
        if (contact.isEmpty()) {
            log.debug("Assigned contact {} is not stored", e.contactId());
        }
        return new ConsoleMessages.ActiveContact(type, e.contactId().value(), e.queue(), e.channel(),
                contact.map(c -> c.from()).orElse(null), contact.map(c -> c.customerId()).orElse(null),
                contact.map(c -> c.answeredAt()).orElse(null), null, callbackTo);
    }

    private String callbackTo(dev.hotline.shared.ContactId id) {
        return callbackTo(routing, id);
    }

    /** The number a queued callback is to be called back on, or null for any other contact. */
    static String callbackTo(ContactRouting routing, dev.hotline.shared.ContactId id) {
        return routing.callback(id).map(dev.hotline.routing.Callback::number).orElse(null);
    }
}
