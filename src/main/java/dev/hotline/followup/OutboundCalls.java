package dev.hotline.followup;

/**
 * Click-to-call as follow-up needs it, placed by whichever telephony adapter is configured (Asterisk: AMI Originate;
 * Twilio: REST Calls). The agent's phone rings first; when the agent answers, the customer is dialled. The call is an
 * OUTBOUND contact on the customer's archive. {@link #place} returns as soon as the PBX or provider took the request;
 * what happens next (agent phone busy or unanswered, customer not reached, answered, hung up) is recorded on the
 * contact and frees the agent.
 */
public interface OutboundCalls {

    /**
     * Rings {@code agent}'s phone, then {@code number}. Throws {@link dev.hotline.shared.ConflictException}
     * ({@code agent-not-free}, {@code agent-no-phone}) or {@link dev.hotline.shared.ServiceUnavailableException}
     * ({@code telephony-unavailable}: the PBX or provider is down or refused; the agent is free again).
     *
     * @param purpose a short line for the contact's subject, e.g. "Return visit 12"
     */
    PlacedCall place(String agent, String number, String purpose);

    /**
     * Rings {@code agent}'s phone, then {@code number}, for a contact routing has assigned to the agent already (a
     * queued callback the agent accepted): its outcome is reported to routing like {@link #place}'s. Throws
     * {@link dev.hotline.shared.ServiceUnavailableException} when the PBX or provider refused (the contact was given
     * back to routing as not connected) or {@link dev.hotline.shared.ConflictException} ({@code agent-no-phone}).
     */
    void ring(dev.hotline.shared.ContactId contact, String agent, String number);

    /** Which adapter places the calls ({@code asterisk}, {@code twilio}). */
    String provider();

    /** The outbound contact the call is recorded as. */
    record PlacedCall(long contactId, String provider, String number) {
    }
}
