package dev.hotline.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/** Tells the one session that sent a refused frame why, on its {@code /user/queue/errors}. */
@Component
class ErrorQueue {

    private final ObjectProvider<SimpMessagingTemplate> template;

    ErrorQueue(ObjectProvider<SimpMessagingTemplate> template) {
        this.template = template;
    }

    void tell(Message<?> refused, ConsoleMessages.Problem problem) {
        var user = SimpMessageHeaderAccessor.getUser(refused.getHeaders());
        String session = SimpMessageHeaderAccessor.getSessionId(refused.getHeaders());
        if (user != null && session != null) {
            template.getObject().convertAndSendToUser(user.getName(), Destinations.ERRORS, problem,
                    ResumeOnSubscribe.sessionOnly(session));
        }
    }
}
