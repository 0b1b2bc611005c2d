package dev.hotline.telephony.supervision;

import dev.hotline.routing.AgentProfile;

/**
 * What a telephony adapter does to let a supervisor join a live call: ring the supervisor's phone and, once it
 * answers, put it on the call in the asked mode. {@link #join} returns once the PBX or provider took the request;
 * the adapter reports what happened next to {@link SupervisionLog} (answered, ended, failed with a reason).
 */
public interface CallSupervisor {

    /** The contacts' provider this adapter serves ({@code asterisk}, {@code twilio}). */
    String provider();

    /**
     * @throws dev.hotline.shared.ServiceUnavailableException when the PBX or provider is unreachable
     * @throws dev.hotline.shared.ConflictException when the call cannot be joined (e.g. no agent phone to spy on)
     */
    void join(Join join);

    /**
     * One request to join.
     *
     * @param session         the audit row's id, carried on the supervisor's call so its events find the row
     * @param externalId      the provider's id of the customer's call
     * @param line            the hotline number the customer called (Twilio rings the supervisor from it)
     * @param agent           the agent on the call, whose phone is spied on or coached
     * @param supervisorPhone what to ring: an extension (Asterisk), a number or a client identity (Twilio)
     */
    record Join(long session, long contactId, String externalId, String line, AgentProfile agent,
                String supervisorPhone, SupervisionMode mode) {
    }
}
