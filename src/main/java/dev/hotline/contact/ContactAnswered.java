package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/** {@code direction} OUTBOUND: the customer picked up an agent's call; its rings say nothing of the service level. */
public record ContactAnswered(ContactId contactId, Channel channel, String queue, String agent, Long customerId,
                              Instant arrivedAt, Instant answeredAt, int ringsToAnswer, ContactDirection direction) {

    public ContactAnswered {
        direction = direction == null ? ContactDirection.INBOUND : direction;
    }

    public ContactAnswered(ContactId contactId, Channel channel, String queue, String agent, Long customerId,
                           Instant arrivedAt, Instant answeredAt, int ringsToAnswer) {
        this(contactId, channel, queue, agent, customerId, arrivedAt, answeredAt, ringsToAnswer,
                ContactDirection.INBOUND);
    }

    public boolean inbound() {
        return direction == ContactDirection.INBOUND;
    }
}
