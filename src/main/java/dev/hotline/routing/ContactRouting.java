package dev.hotline.routing;

import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.CustomerTier;

import java.time.Instant;

/**
 * The live contact, as entry points (telephony, the API), supervisors and the wallboard use it. Routing owns it in
 * Redis; the contact record follows from routing's journal (read it through {@code ContactIntake}, up to about a second
 * behind).
 */
public interface ContactRouting {

    /**
     * A contact arrived: recorded (idempotent per provider and external id, so a retried webhook returns the same
     * contact) and queued. Returns the record as stored on arrival.
     */
    ContactSnapshot arrive(NewContact contact);

    /**
     * A letter, visit or e-mail the agent logs while handling it (来函、来人): recorded and assigned straight to that
     * agent (BUSY on it, answered now), never offered to anyone. When the agent cannot hold it now (offline, on a
     * break, an offer ringing, no routing profile) it is queued like {@link #arrive}. Idempotent per
     * (provider, externalId) like {@link #arrive}.
     */
    ContactSnapshot takeIn(NewContact contact, String agent);

    /**
     * Telephony connected the agent's call ({@code null} time: now). Throws {@link dev.hotline.shared.ConflictException}
     * when the contact has ended ({@code contact-gone}) or was not taken by this agent ({@code not-assigned}).
     */
    void answered(ContactId contactId, String agent, Instant at);

    /** The customer hung up: abandoned while waiting or ringing, ended when connected. Repeats are ignored. */
    void callerHungUp(ContactId contactId, Instant at);

    /**
     * Sends a contact that is still waiting or ringing to {@code target} (an on-call phone) now, as the overflow ring
     * does. False when it was answered or had ended.
     */
    boolean overflow(ContactId contactId, String target);

    /** Moves a waiting (or taken) contact to another queue, keeping its arrival time and priority. */
    void transfer(ContactId contactId, String toQueue);

    /** The queue's settings; an unknown name gives the default queue. */
    QueueSettings queue(String name);

    RoutingStatus status(ContactId contactId);

    /** The agent working on the contact now (it accepted it), or null. */
    String assignedAgent(ContactId contactId);

    /**
     * Rings every free agent with the queue's skills at any level at once (the first accept wins, the other offers are
     * withdrawn). Returns how many agents were rung now.
     */
    int widen(ContactId contactId);

    /** Major complaints jump ahead of everyone, keeping their arrival order among themselves. */
    void prioritize(ContactId contactId, boolean majorComplaint);

    /**
     * An agent calls a customer (click-to-call): recorded as an OUTBOUND voice contact and assigned straight to the
     * agent, who is BUSY on it from now. Never queued or offered, so never in the three-ring escalation. Telephony then
     * rings the agent's phone and the customer; the customer answering is {@link #answered}, the hang-up
     * {@link #callerHungUp}, a call that never connected {@link #dialFailed}. Throws
     * {@link dev.hotline.shared.ConflictException} ({@code agent-not-free}) unless the agent is AVAILABLE or in WRAP_UP
     * with nothing in hand, {@link dev.hotline.shared.NotFoundException} without a routing profile.
     */
    ContactSnapshot dialOut(NewContact contact, String agent);

    /**
     * The outbound call never connected ({@code reason}: agent-phone-busy, customer-no-answer, pbx-unavailable...):
     * it ends FAILED with the reason and the agent is AVAILABLE again at once. A repeat, or a call already answered,
     * changes nothing (false).
     */
    boolean dialFailed(ContactId contactId, String agent, String reason);

    /**
     * Blind transfer: the agent hands its connected call on to {@code toQueue} (it waits there at its original place:
     * arrival and priority kept) or, with {@code toAgent}, straight to that agent's console (it must be free; a ring
     * that is not taken leaves the call waiting in its queue). The transferring agent goes to WRAP_UP. Throws
     * {@link dev.hotline.shared.NotPermittedException} unless the call is connected to {@code agent},
     * {@link dev.hotline.shared.ConflictException} when it is not connected ({@code not-connected}), ended
     * ({@code contact-gone}) or the named agent is not free ({@code agent-not-free}).
     */
    void transfer(ContactId contactId, String agent, String toQueue, String toAgent);

    /** The agent puts its connected call on hold ({@code hold}) or resumes it; same refusals as {@link #transfer}. */
    void hold(ContactId contactId, String agent, boolean hold);

    /**
     * The caller of a live contact turned out to be {@code customerId} (registered during the call): its later offers
     * (a transfer) show that customer. The record is the contact module's; this is routing's copy for what it offers.
     */
    void identified(ContactId contactId, long customerId, CustomerTier tier);

    /** Since when the contact's call is on hold, or null when it is not held (or not live). */
    Instant heldSince(ContactId contactId);

    /**
     * Queued callback: the waiting (or ringing, not yet accepted) caller leaves {@code number} (E.164) instead of
     * waiting on the line. The same contact keeps its place (arrival and priority); it is no call on the line any more:
     * no three-ring step, never overflowed, and the caller's hang-up neither abandons nor ends it. The agent who accepts
     * it gets {@link ContactAssigned} with provider {@code callback}, and telephony places the call-back (agent first,
     * then the customer): its answer is {@link #answered}, its hang-up {@link #callerHungUp}, a call-back that did not
     * connect {@link #dialFailed} (back at its place, at once after an agent-side failure or after
     * {@code hotline.callback.retry-after}; closed FAILED after {@code hotline.callback.attempts}). A repeat changes
     * nothing. Throws {@link dev.hotline.shared.NotFoundException} for a contact routing does not hold,
     * {@link dev.hotline.shared.ConflictException} ({@code contact-not-waiting}) once an agent has it.
     */
    void requestCallback(ContactId contactId, String number);

    /** The contact's callback, or empty when its caller left none. */
    java.util.Optional<Callback> callback(ContactId contactId);

    /** How many contacts wait in the queue now (an unknown name: the default queue). */
    long waiting(String queue);
}
