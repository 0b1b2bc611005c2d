package dev.hotline.telephony.asterisk;

import dev.hotline.routing.AgentPresence;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gives a contact the PBX could not connect to its agent back to routing, for the next agent. */
class HandBack {

    private static final Logger log = LoggerFactory.getLogger(HandBack.class);

    private final AgentPresence presence;

    HandBack(AgentPresence presence) {
        this.presence = presence;
    }

    void returnToRouting(ContactId contact, String agent, String why) {
        try {
            presence.reject(contact, agent);
            log.info("Contact {} returned to routing from {}: {}", contact, agent, why);
        } catch (DomainException refused) {
            // routing may keep an accepted contact with its agent; the caller is still in the dialplan's wait loop,
            // so the queue's overflow ring still moves the call to the on-call phone
            log.error("Routing did not take back contact {} from {} after {}: {}", contact, agent, why,
                    refused.getMessage());
        }
    }
}
