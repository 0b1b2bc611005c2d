package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/**
 * One hotline call on the PBX as this node knows it. The contact and linkedid are fixed; the rest (the caller's
 * channel, agent, answer, first hang-up, who is talking) is learnt from AGI, AMI events, the contact log or a resync,
 * so any node can rebuild it. Written by the single AMI event thread and read by others, hence volatile.
 */
final class LiveCall {

    private final ContactId contact;
    private final String linkedId;
    private volatile String callerUniqueId;
    private volatile String callerChannel;
    private volatile String agent;
    private volatile String agentLeg;
    private volatile String agentLegChannel;
    private volatile Instant answeredAt;
    private volatile String firstHangUp;
    private final LineSilence silence = new LineSilence();

    LiveCall(ContactId contact, String linkedId, String callerUniqueId, String callerChannel) {
        this.contact = contact;
        this.linkedId = linkedId;
        this.callerUniqueId = callerUniqueId;
        this.callerChannel = callerChannel;
    }

    ContactId contact() {
        return contact;
    }

    String linkedId() {
        return linkedId;
    }

    String callerChannel() {
        return callerChannel;
    }

    void callerChannel(String name) {
        if (name != null && !name.isBlank()) {
            callerChannel = name;
        }
    }

    String callerUniqueId() {
        return callerUniqueId;
    }

    boolean isCaller(String uniqueId) {
        return callerUniqueId.equals(uniqueId);
    }

    /** An event of the channel that carries HOTLINE_CONTACT_ID: that channel is the caller's. */
    void callerIs(String uniqueId, String channel) {
        if (uniqueId != null && !uniqueId.isBlank()) {
            callerUniqueId = uniqueId;
        }
        callerChannel(channel);
    }

    String agent() {
        return agent;
    }

    void assignedTo(String agent) {
        this.agent = agent;
    }

    /** The channel the caller's Dial() rang for the agent (the dialled side of DialBegin/DialEnd). */
    void agentLeg(String uniqueId) {
        if (uniqueId != null && !uniqueId.isBlank()) {
            agentLeg = uniqueId;
        }
    }

    /** The agent leg's channel name (DialBegin's DestChannel): a hold moves it along with the caller. */
    void agentLegChannel(String channel) {
        if (channel != null && !channel.isBlank()) {
            agentLegChannel = channel;
        }
    }

    String agentLegChannel() {
        return agentLegChannel;
    }

    /**
     * The agent handed the call on: it is nobody's until the next agent's leg answers. The old leg's hang-up that
     * follows is then no "agent hung up first", and the next answer is recorded for the next agent.
     */
    void handedOn() {
        agent = null;
        agentLeg = null;
        agentLegChannel = null;
        answeredAt = null;
    }

    /**
     * A consultative transfer completed: the target's leg (the consult channel the PBX bridged with the caller) is the
     * agent's leg from now on, so the first agent's leg hanging up is nobody's "hung up first". The answer stays.
     */
    void consultCompleted(String target, String uniqueId, String channel) {
        agent = target;
        agentLeg = uniqueId;
        agentLegChannel = channel;
    }

    /**
     * Which side a channel of this call is: CUSTOMER for the caller's channel, AGENT for the agent's leg (or for any
     * other leg while the agent's is not known), null for the other channels of the call (Local channel halves, the
     * agent's phone behind a Local channel), which only follow what one of the two did.
     */
    String sideOf(String uniqueId) {
        if (isCaller(uniqueId)) {
            return PbxEvents.CUSTOMER;
        }
        return agentLeg == null || agentLeg.equals(uniqueId) ? PbxEvents.AGENT : null;
    }

    boolean isAnswered() {
        return answeredAt != null;
    }

    void answered(Instant at) {
        answeredAt = at;
    }

    /** Records who hung up first (CUSTOMER or AGENT) once; returns true for the first. */
    boolean firstHangUp(String side) {
        if (firstHangUp != null) {
            return false;
        }
        firstHangUp = side;
        return true;
    }

    /** Event thread only. */
    LineSilence silence() {
        return silence;
    }
}
