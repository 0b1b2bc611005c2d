package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/** Routing put a contact into {@code queue}; it waits there from {@code arrivedAt} (the three-ring clock starts then). */
public record ContactQueued(ContactId contactId, String queue, Channel channel, Instant arrivedAt) {
}
