package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.ContactId;
import dev.hotline.ticket.ContactWorkers;
import org.springframework.stereotype.Component;

/**
 * An agent works a contact ringing on their console or taken by them (routing's live state, exact now), or one the
 * record says they handled (after routing has let go of it).
 */
@Component
class RoutedContactWorkers implements ContactWorkers {

    private final ContactRouting routing;
    private final AgentPresence presence;
    private final ContactIntake contacts;

    RoutedContactWorkers(ContactRouting routing, AgentPresence presence, ContactIntake contacts) {
        this.routing = routing;
        this.presence = presence;
        this.contacts = contacts;
    }

    @Override
    public boolean worksOn(ContactId contact, String agent) {
        if (agent.equals(routing.assignedAgent(contact))) {
            return true;
        }
        var status = presence.status(agent);
        if (status != null && (contact.equals(status.pendingOffer())
                || (status.activeContacts() != null && status.activeContacts().contains(contact)))) {
            return true;
        }
        return contacts.find(contact).map(ContactSnapshot::agent).filter(agent::equals).isPresent();
    }
}
