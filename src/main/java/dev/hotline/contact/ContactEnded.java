package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/** Final: every contact publishes this exactly once. {@code agent} null when nobody answered. */
public record ContactEnded(ContactId contactId, Channel channel, String queue, String agent, ContactOutcome outcome,
                          Long customerId, Instant arrivedAt, Instant answeredAt, Instant endedAt,
                          ContactDirection direction) {

    public ContactEnded {
        direction = direction == null ? ContactDirection.INBOUND : direction;
    }

    public ContactEnded(ContactId contactId, Channel channel, String queue, String agent, ContactOutcome outcome,
                        Long customerId, Instant arrivedAt, Instant answeredAt, Instant endedAt) {
        this(contactId, channel, queue, agent, outcome, customerId, arrivedAt, answeredAt, endedAt,
                ContactDirection.INBOUND);
    }
}
