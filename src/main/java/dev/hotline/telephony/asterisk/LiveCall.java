package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/**
 * One hotline call on the PBX. The identity is fixed; what happened since (agent, answer, first hang-up, silences) is
 * written by the single AMI event thread and read by others, hence volatile.
 */
final class LiveCall {

    private final ContactId contact;
    private final String linkedId;
    private final String callerUniqueId;
    private volatile String callerChannel;
    private volatile String agent;
    private volatile Instant answeredAt;
    private volatile String firstHangUp;
    private volatile Instant silentSince;

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

    boolean isCaller(String uniqueId) {
        return callerUniqueId.equals(uniqueId);
    }

    String agent() {
        return agent;
    }

    void assignedTo(String agent) {
        this.agent = agent;
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

    Instant silentSince() {
        return silentSince;
    }

    void silentSince(Instant at) {
        silentSince = at;
    }
}
