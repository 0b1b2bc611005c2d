package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.ContactId;
import org.springframework.stereotype.Component;

/**
 * Which contacts are an agent's, the one rule for "an agent acts on contacts offered or assigned to them": one ringing
 * on their console or taken by them (routing's live state, exact now), or one the record says they handled (after
 * routing has let go of it).
 */
@Component
public class ContactHandlers {

    private final ContactRouting routing;
    private final AgentPresence presence;
    private final ContactIntake contacts;

    ContactHandlers(ContactRouting routing, AgentPresence presence, ContactIntake contacts) {
        this.routing = routing;
        this.presence = presence;
        this.contacts = contacts;
    }

    /** True when the contact is offered to the agent, taken by the agent, or was handled by the agent. */
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
