package dev.hotline.routing;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/** The agent let an offer ring out; the agent is now on BREAK("ring-no-answer") and the supervisor should see it. */
public record AgentRingNoAnswer(String agent, ContactId contactId, Instant at) {
}
