package dev.hotline.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * A SUBSCRIBE or SEND the destination rules refuse is dropped here, with a 403 problem on the sender's error queue,
 * and the session stays up. Spring Security would refuse it too, but only by throwing, which the ordered inbound
 * channel merely logs: the client would never learn why. Runs before Spring Security's interceptors (which are ordered
 * at highest precedence + 100) and asks the same {@link AuthorizationManager}; CONNECT is left to Spring Security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedFrames implements ChannelInterceptor, WebSocketMessageBrokerConfigurer {

    private final ObjectProvider<AuthorizationManager<Message<?>>> rules;
    private final ErrorQueue errors;

    RefusedFrames(ObjectProvider<AuthorizationManager<Message<?>>> rules, ErrorQueue errors) {
        this.rules = rules;
        this.errors = errors;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(this);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
        if ((type != SimpMessageType.SUBSCRIBE && type != SimpMessageType.MESSAGE)
                || !(SimpMessageHeaderAccessor.getUser(message.getHeaders()) instanceof Authentication user)
                || rules.getObject().authorize(() -> user, message).isGranted()) {
            return message;
        }
        String destination = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        String detail = (type == SimpMessageType.SUBSCRIBE ? "You may not subscribe to " : "You may not send to ")
                + destination;
        errors.tell(message, ConsoleProblems.problem(HttpStatus.FORBIDDEN, "not-permitted", detail, message));
        return null;
    }
}
