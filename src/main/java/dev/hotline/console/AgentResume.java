package dev.hotline.console;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentStatus;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.ContactId;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The whole picture for a console that (re)connects or opens a second tab: state, ringing offer, active contacts (with
 * a hold made before, which no push will repeat).
 */
@Component
class AgentResume {

    private final AgentPresence presence;
    private final ContactIntake contacts;
    private final ContactRouting routing;
    private final ScreenPops screenPops;
    private final ConsoleRelay relay;

    AgentResume(AgentPresence presence, ContactIntake contacts, ContactRouting routing, ScreenPops screenPops,
                ConsoleRelay relay) {
        this.presence = presence;
        this.contacts = contacts;
        this.routing = routing;
        this.screenPops = screenPops;
        this.relay = relay;
    }

    ConsoleMessages.Resume of(String agent) {
        long seq = relay.lastSequence(agent);
        AgentStatus status = presence.status(agent);
        ConsoleMessages.Offer offer = status.pendingOffer() == null ? null : pendingOffer(agent, status.pendingOffer());
        List<ConsoleMessages.ActiveContact> active = status.activeContacts().stream()
                .map(contacts::find).flatMap(java.util.Optional::stream)
                .map(c -> new ConsoleMessages.ActiveContact("contact", c.id().value(), c.queue(), c.channel(), c.from(),
                        c.customerId(), c.answeredAt(), routing.heldSince(c.id()), callbackTo(c.id())))
                .toList();
        return new ConsoleMessages.Resume("resume", seq, agent, status.state(), status.reason(), status.since(), offer,
                active, status.ringNoAnswers());
    }

    /** The ring deadline is the agent's latest offer time (contact history) plus the queue's ring-no-answer time. */
    private ConsoleMessages.Offer pendingOffer(String agent, ContactId id) {
        ContactSnapshot contact = contacts.find(id).orElse(null);
        if (contact == null) {
            return null;
        }
        var queue = routing.queue(contact.queue());
        Instant offeredAt = contacts.history(id).stream()
                .filter(h -> agent.equals(h.agent()) && "OFFERED".equals(h.action()))
                .map(ContactHistoryView::at).filter(Objects::nonNull)
                .reduce((first, second) -> second)
                .orElse(Instant.now());
        Instant deadline = offeredAt.plus(queue.ringNoAnswer());
        long remaining = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
        return new ConsoleMessages.Offer("offer", id.value(), contact.queue(), contact.channel(), offeredAt, deadline,
                queue.ringPeriod().toMillis(), remaining, false, screenPops.of(contact), callbackTo(id));
    }

    private String callbackTo(ContactId id) {
        return AgentPushes.callbackTo(routing, id);
    }
}
