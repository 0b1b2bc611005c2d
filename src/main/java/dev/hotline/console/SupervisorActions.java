package dev.hotline.console;

import dev.hotline.routing.AgentPresence;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

/** Supervisors steer agents from the wallboard: set a state, or force a logout (state OFFLINE). */
@Controller
@MessageMapping("/supervisor")
class SupervisorActions {

    private final AgentPresence presence;

    SupervisorActions(AgentPresence presence) {
        this.presence = presence;
    }

    @MessageMapping("/agents/{agent}/state")
    void setAgentState(@DestinationVariable String agent, @Payload AgentActions.StateRequest request) {
        presence.changeState(agent, AgentActions.requireState(request), AgentActions.limited("reason", request.reason()));
    }
}
