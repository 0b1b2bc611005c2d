package dev.hotline.routing;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/**
 * A waiting caller left a call-back number: the contact keeps its place in {@code queue} (arrival and priority) but is
 * no call on the line any more (no three-ring step, never overflowed or abandoned).
 */
public record CallbackRequested(ContactId contactId, String queue, String number, Instant arrivedAt, Instant at) {
}
