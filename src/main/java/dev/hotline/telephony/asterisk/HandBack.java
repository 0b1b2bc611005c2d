package dev.hotline.telephony.asterisk;

import dev.hotline.routing.AgentPresence;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a contact the PBX could not connect to its accepting agent back to routing, at its place in the queue, for the
 * next agent. The caller is meanwhile back in the dialplan's ringback loop (a failed Dial falls through to it).
 */
class HandBack {

    private static final Logger log = LoggerFactory.getLogger(HandBack.class);

    private final AgentPresence presence;

    HandBack(AgentPresence presence) {
        this.presence = presence;
    }

    /**
     * @param agentDidNotAnswer the agent's phone rang out or was busy: routing counts it as the agent's ring-no-answer
     */
    void returnToRouting(ContactId contact, String agent, boolean agentDidNotAnswer, String why) {
        try {
            presence.connectFailed(contact, agent, agentDidNotAnswer);
            log.info("Contact {} back in its queue from {}: {}", contact, agent, why);
        } catch (DomainException gone) {
            // answered or ended meanwhile (the caller hung up): nothing to give back
            log.debug("Contact {} not given back from {} after {}: {}", contact, agent, why, gone.getMessage());
        }
    }
}
