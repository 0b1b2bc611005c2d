package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

public record ContactAnswered(ContactId contactId, Channel channel, String queue, String agent, Long customerId,
                              Instant arrivedAt, Instant answeredAt, int ringsToAnswer) {
}
