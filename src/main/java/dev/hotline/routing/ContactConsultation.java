package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/**
 * A step of a consultative transfer ({@link CallConsultation}): the agent connected to the call ({@code agent}) talks
 * to {@code target} while the caller is on hold. Telephony connects and parts the two agents' phones, the consoles
 * show the consult; the contact's history has a CONSULTED row for each step.
 *
 * @param queue         the contact's queue
 * @param reason        for FAILED: why (declined, ring-no-answer, target-phone-busy, target-hung-up...)
 * @param agentProfile  how telephony reaches the consulting agent (null: no routing profile any more)
 * @param targetProfile how telephony reaches the target
 * @param ringDeadline  RINGING: until when the target's console rings (null in the other phases)
 */
public record ContactConsultation(ContactId contactId, Phase phase, String agent, String target, String queue,
                                  Channel channel, String provider, String externalId, String reason,
                                  AgentProfile agentProfile, AgentProfile targetProfile, Instant at,
                                  Instant ringDeadline) {

    public enum Phase {
        /** The target's console rings with the consult (the caller is on hold). */
        RINGING,
        /** The target accepted: telephony connects the two agents. */
        TALKING,
        /** The target did not take it or left it (declined, not reached, hung up): the caller is still on hold. */
        FAILED,
        /** The first agent took the caller back; the target is free again. */
        RETURNED,
        /** The caller now talks to the target, whose contact it is; the first agent is in wrap-up. */
        COMPLETED,
        /** The caller hung up during the consult: the target is free again. */
        ENDED
    }
}
