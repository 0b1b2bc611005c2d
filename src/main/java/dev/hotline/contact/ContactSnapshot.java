package dev.hotline.contact;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.CustomerTier;

import java.time.Instant;

/** A read-only view of a contact for other modules and the API. */
public record ContactSnapshot(ContactId id, Channel channel, String provider, String externalId, String from,
                              String to, String queue, Long customerId, CustomerTier customerTier,
                              ContactStatus status, ContactOutcome outcome, String agent, Instant arrivedAt,
                              Instant queuedAt, Instant offeredAt, Instant answeredAt, Instant endedAt,
                              Integer ringsToAnswer, long ringPeriodMillis, String subject,
                              String disposition, ContactDirection direction) {

    public ContactSnapshot {
        direction = direction == null ? ContactDirection.INBOUND : direction;
    }

    public ContactSnapshot(ContactId id, Channel channel, String provider, String externalId, String from, String to,
                           String queue, Long customerId, CustomerTier customerTier, ContactStatus status,
                           ContactOutcome outcome, String agent, Instant arrivedAt, Instant queuedAt,
                           Instant offeredAt, Instant answeredAt, Instant endedAt, Integer ringsToAnswer,
                           long ringPeriodMillis, String subject, String disposition) {
        this(id, channel, provider, externalId, from, to, queue, customerId, customerTier, status, outcome, agent,
                arrivedAt, queuedAt, offeredAt, answeredAt, endedAt, ringsToAnswer, ringPeriodMillis, subject,
                disposition, ContactDirection.INBOUND);
    }

    public boolean isFinal() {
        return status == ContactStatus.ENDED;
    }
}
