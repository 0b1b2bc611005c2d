package dev.hotline.routing;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/** A contact reached {@code ring} with no agent reserved for it (or overflow had no on-call target): supervisors look. */
public record RingAlert(ContactId contactId, String queue, int ring, Instant at) {
}
