package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/** The agent put its connected call on hold: telephony plays the caller music, the wallboard counts it as held. */
public record ContactHeld(ContactId contactId, String agent, String queue, Channel channel, String provider,
                          String externalId, Instant at) {
}
