package dev.hotline.routing;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/** Every agent state change; {@code contactId} when a contact caused it (offer, accept, finish), else null. */
public record AgentStateChanged(String agent, AgentState from, AgentState to, String reason, ContactId contactId,
                                Instant at) {
}
