package dev.hotline.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * An agent subscribing to {@code /user/queue/state} gets the {@link ConsoleMessages.Resume} picture at once, on that
 * session only. Sent after the user-destination handler has registered the subscription, so it cannot be lost.
 */
@Component
class ResumeOnSubscribe implements ExecutorChannelInterceptor {

    private static final String STATE_SUBSCRIPTION = "/user" + Destinations.STATE;

    private final ObjectProvider<AgentResume> resume;
    private final ObjectProvider<SimpMessagingTemplate> template;

    ResumeOnSubscribe(ObjectProvider<AgentResume> resume, ObjectProvider<SimpMessagingTemplate> template) {
        this.resume = resume;
        this.template = template;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        if (ex != null || !(handler instanceof UserDestinationMessageHandler)
                || SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.SUBSCRIBE
                || !STATE_SUBSCRIPTION.equals(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))) {
            return;
        }
        var user = SimpMessageHeaderAccessor.getUser(message.getHeaders());
        String session = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
        if (user == null || session == null) {
            return;
        }
        template.getObject().convertAndSendToUser(user.getName(), Destinations.STATE,
                resume.getObject().of(user.getName()), sessionOnly(session));
    }

    static java.util.Map<String, Object> sessionOnly(String session) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(session);
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }
}
