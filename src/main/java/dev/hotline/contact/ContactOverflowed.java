package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/** Telephony dials {@code target} (the on-call engineer's number) for this contact. */
public record ContactOverflowed(ContactId contactId, Channel channel, String queue, String target, String provider,
                                String externalId, Instant arrivedAt, Instant overflowedAt) {
}
