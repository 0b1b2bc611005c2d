package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

import java.time.Instant;

/**
 * A contact moved on to another queue ({@code toAgent} null) or straight to a named agent, keeping its arrival and
 * priority. {@code fromAgent} is the agent who handed a connected call on (null when a waiting contact moved). It was
 * offered once already: the wallboard shows it waiting again but does not count it as offered a second time.
 * Telephony takes the caller away from the transferring agent and back to ringback until the next agent takes it.
 * Also published (no {@code fromAgent}, the same queue) when an agent's phone did not take an accepted call (a
 * transferred one or not) and it waits in its queue again: offered once, not counted a second time.
 */
public record ContactTransferred(ContactId contactId, String fromAgent, String fromQueue, String toQueue,
                                 String toAgent, Channel channel, String provider, String externalId,
                                 Instant arrivedAt, Instant at) {

    /** A connected call handed on by its agent (not a waiting contact moved by routing). */
    public boolean handedOn() {
        return fromAgent != null;
    }
}
