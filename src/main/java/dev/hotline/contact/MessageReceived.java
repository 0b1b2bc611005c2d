package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/** A customer's message joined the conversation {@code contactId}: the console of its agent shows it. */
public record MessageReceived(ContactId contactId, long messageId, Channel channel, String from, Instant at) {
}
