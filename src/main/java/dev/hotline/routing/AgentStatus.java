package dev.hotline.routing;

import dev.hotline.shared.ContactId;

import java.time.Instant;
import java.util.List;

/**
 * What a console needs to resume after a reconnect.
 *
 * @param pendingOffer   the contact ringing on the console now, or null
 * @param activeContacts contacts the agent is working on
 */
public record AgentStatus(String agent, AgentState state, String reason, Instant since, ContactId pendingOffer,
                          List<ContactId> activeContacts, long ringNoAnswers) {
}
