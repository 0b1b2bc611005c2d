package dev.hotline.console;

import dev.hotline.routing.ContactHeld;
import dev.hotline.routing.ContactResumed;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.time.Instant;

/**
 * Hold, resume and blind transfer from the agent console, on the agent's own connected call (routing refuses anyone
 * else's). The hold state comes back to every tab of the agent as a {@code contact-held} push; a transfer takes the
 * call off the agent's screen with the usual {@code contact-ended} (ContactReleased "transferred").
 */
@Controller
@MessageMapping("/agent")
class CallActions {

    private final ContactRouting routing;
    private final ConsoleRelay relay;
    private final PushLanes lanes;

    CallActions(ContactRouting routing, ConsoleRelay relay, PushLanes lanes) {
        this.routing = routing;
        this.relay = relay;
        this.lanes = lanes;
    }

    /** A queue (the call waits there at its original place) or an agent's username: one of the two. */
    record TransferRequest(String queue, String agent) {
    }

    /** The call is on hold ({@code held}) or back with the agent. */
    record HoldChanged(String type, long contactId, boolean held, Instant at) {
    }

    @MessageMapping("/contacts/{contactId}/hold")
    void hold(@DestinationVariable String contactId, Principal agent) {
        routing.hold(ContactId.of(contactId), agent.getName(), true);
    }

    @MessageMapping("/contacts/{contactId}/resume")
    void resume(@DestinationVariable String contactId, Principal agent) {
        routing.hold(ContactId.of(contactId), agent.getName(), false);
    }

    @MessageMapping("/contacts/{contactId}/transfer")
    void transfer(@DestinationVariable String contactId, @Payload(required = false) TransferRequest request,
                  Principal agent) {
        String queue = request == null ? null : blankToNull(AgentActions.limited("queue", request.queue()));
        String to = request == null ? null : blankToNull(AgentActions.limited("agent", request.agent()));
        if ((queue == null) == (to == null)) {
            throw new InvalidInputException("target", "Transfer to a queue or to an agent (one of the two)");
        }
        routing.transfer(ContactId.of(contactId), agent.getName(), queue, to);
    }

    @EventListener
    void on(ContactHeld e) {
        lanes.run(e.agent(), () -> relay.toAgent(e.agent(), Destinations.CONTACTS,
                new HoldChanged("contact-held", e.contactId().value(), true, e.at())));
    }

    @EventListener
    void on(ContactResumed e) {
        lanes.run(e.agent(), () -> relay.toAgent(e.agent(), Destinations.CONTACTS,
                new HoldChanged("contact-held", e.contactId().value(), false, e.at())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
