package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Duration;
import java.time.Instant;

/** The agent took its held call back after {@code held}: telephony connects the two again. */
public record ContactResumed(ContactId contactId, String agent, String queue, Channel channel, String provider,
                             String externalId, Duration held, Instant at) {
}
