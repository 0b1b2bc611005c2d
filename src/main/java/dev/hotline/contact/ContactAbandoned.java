package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

public record ContactAbandoned(ContactId contactId, Channel channel, String queue, Instant arrivedAt,
                               Instant abandonedAt) {
}
