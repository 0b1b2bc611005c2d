package dev.hotline.routing;

import dev.hotline.shared.ContactId;

import java.time.Instant;
import java.util.Optional;

/**
 * Consultative (attended) transfer: the agent connected to a call puts the caller on hold and rings a target (a named
 * AVAILABLE agent, or the first free agent of a queue), talks to them, then completes (the caller goes to the target,
 * whose contact it becomes, arrival and priority kept; the first agent goes to wrap-up) or returns (the target is free
 * again, the caller back with the first agent). Every step is a {@link ContactConsultation} and a CONSULTED row in the
 * contact's history. Refusals: {@link dev.hotline.shared.NotPermittedException} when the call (or the consult) is not
 * the agent's, {@link dev.hotline.shared.ConflictException} when it is not connected ({@code not-connected}), ended
 * ({@code contact-gone}), a consult is running already ({@code already-consulting}) or none is
 * ({@code no-consult}), the target is not free ({@code agent-not-free}, {@code no-agent-free}) or has not answered
 * yet ({@code not-answered}).
 */
public interface CallConsultation {

    /** Starts a consult to a queue or to an agent (exactly one of the two); the call is held if it was not. */
    Consult consult(ContactId contactId, String agent, String toQueue, String toAgent);

    /** The target takes the ringing consult: telephony connects the two agents. */
    void accept(ContactId contactId, String target);

    /** The target turns the ringing consult down: the first agent is told, the caller stays on hold. */
    void decline(ContactId contactId, String target);

    /** The caller goes to the target; the first agent leaves the call. */
    void complete(ContactId contactId, String agent);

    /** The first agent ends the consult and takes the caller back. */
    void returnToCaller(ContactId contactId, String agent);

    /**
     * Telephony could not reach the target or the target hung up ({@code reason}): the consult ends, the caller stays on
     * hold with the first agent. False when no consult runs (it ended already).
     */
    boolean targetLost(ContactId contactId, String reason);

    /** The consult running on the contact now, if any. */
    Optional<Consult> current(ContactId contactId);

    /** A running consult: {@code state} RINGING or TALKING. */
    record Consult(ContactId contactId, String agent, String target, String state, Instant since) {
    }
}
