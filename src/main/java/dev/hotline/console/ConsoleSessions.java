package dev.hotline.console;

import dev.hotline.routing.AgentConsoles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

/**
 * Tells routing which agents have a console: an agent's console is a session subscribed to its state queue (the
 * wallboard and other pages are not). Redis being out does not stop the console: routing renews what it was told.
 */
@Component
class ConsoleSessions {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSessions.class);
    private static final String STATE_SUBSCRIPTION = "/user" + Destinations.STATE;

    private final AgentConsoles consoles;

    ConsoleSessions(AgentConsoles consoles) {
        this.consoles = consoles;
    }

    @EventListener
    void on(SessionSubscribeEvent event) {
        var headers = event.getMessage().getHeaders();
        String session = SimpMessageHeaderAccessor.getSessionId(headers);
        if (event.getUser() == null || session == null
                || !STATE_SUBSCRIPTION.equals(SimpMessageHeaderAccessor.getDestination(headers))) {
            return;
        }
        try {
            consoles.connected(event.getUser().getName(), session);
        } catch (RuntimeException e) {
            log.warn("Console of {} not yet recorded as present (renewed within the grace period): {}",
                    event.getUser().getName(), e.toString());
        }
    }

    @EventListener
    void on(SessionDisconnectEvent event) {
        if (event.getUser() == null) {
            return;
        }
        try {
            consoles.disconnected(event.getUser().getName(), event.getSessionId());
        } catch (RuntimeException e) {
            log.warn("Console of {} closed while Redis is out: {}", event.getUser().getName(), e.toString());
        }
    }
}
