package dev.hotline.routing;

import dev.hotline.shared.ContactId;

/**
 * What an agent (through the console) does. Illegal state changes throw {@link dev.hotline.shared.ConflictException};
 * acting on another agent's offer {@link dev.hotline.shared.NotPermittedException}, except accepting a contact another
 * agent has just taken (code {@code offer-taken}: a conflict, as at ring 3 everyone rings) or one whose ring at this
 * agent has ended ({@code offer-expired}); an agent without a routing profile
 * {@link dev.hotline.shared.NotFoundException}.
 */
public interface AgentPresence {

    /** OFFLINE to AVAILABLE with the agent's configured skills and capacity; already logged in returns the status. */
    AgentStatus login(String agent);

    AgentStatus logout(String agent);

    AgentStatus available(String agent);

    AgentStatus startBreak(String agent, String reason);

    /** A manual change to AVAILABLE, BREAK(reason) or OFFLINE (what the console or a supervisor asks for). */
    AgentStatus changeState(String agent, AgentState state, String reason);

    /** Takes the offered contact: agent BUSY, {@link ContactAssigned} published. */
    void accept(ContactId contactId, String agent);

    /** Declines the offer; the contact goes to the next agent at its original place in the queue. */
    void reject(ContactId contactId, String agent);

    /**
     * For telephony: the accepted contact could not be connected to the agent (redirect failed, or the agent's phone
     * did not answer when {@code agentDidNotAnswer}). The contact goes back to its original place in the queue and
     * is offered to another agent; an unanswered agent phone counts as a ring-no-answer. A contact already answered
     * or ended throws {@link dev.hotline.shared.ConflictException}.
     */
    void connectFailed(ContactId contactId, String agent, boolean agentDidNotAnswer);


    /** Done with the contact (disposition recorded): WRAP_UP after the last one. */
    void finish(ContactId contactId, String agent, String disposition);

    /** Current state, pending offer and active contacts. */
    AgentStatus status(String agent);
}
