package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.CustomerTier;

import java.time.Instant;

/**
 * A new contact is on record and in its first queue: published once, inside the transaction that writes routing's
 * journal entry of that first queueing (so its listeners, such as the ticket draft, share that batch and its retries,
 * and stay off the caller's request). {@code customerId}/{@code customerTier} null for unknown callers;
 * {@code subject} the first line the entry point recorded (message body, letter subject), null for calls.
 */
public record ContactArrived(ContactId contactId, Channel channel, String queue, String from, Long customerId,
                             CustomerTier customerTier, Instant arrivedAt, String provider, String externalId,
                             String subject) {
}
