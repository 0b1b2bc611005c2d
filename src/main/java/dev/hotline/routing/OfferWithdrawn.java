package dev.hotline.routing;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/** The agent's console stops ringing: accepted by another agent, ring-no-answer, or the contact left. */
public record OfferWithdrawn(ContactId contactId, String agent, String reason, Instant at) {
}
