package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/**
 * A contact the agent had taken is no longer theirs: finished, the caller hung up (also before telephony connected
 * the call), or moved on. The console takes it off the agent's screen.
 */
public record ContactReleased(ContactId contactId, String agent, String queue, Channel channel, String reason,
                              Instant at) {
}
