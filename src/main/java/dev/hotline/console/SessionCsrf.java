package dev.hotline.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.messaging.web.csrf.XorCsrfChannelInterceptor;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

import java.util.Map;

/**
 * CSRF on STOMP CONNECT. A handshake authenticated by the session cookie could be started by any page the browser
 * visits, so its CONNECT must carry the (masked) CSRF token in the {@code X-XSRF-TOKEN} header, as Spring Security
 * checks it (the console page gets it from {@code GET /api/csrf}). A handshake that carried HTTP Basic credentials
 * (load generator, tests) proves itself: no browser attaches them to a cross-site WebSocket, whose Origin the endpoint
 * refuses anyway. Browsers always send Origin, so cross-site sockets are refused before either check.
 * <p>
 * A refused CONNECT is answered with an ERROR frame, after which the STOMP handler closes the socket. Throwing would
 * not do: the ordered inbound channel only logs it and the socket would stay usable. Until a CONNECT passed, every
 * other frame of a cookie socket is dropped, so a SEND that races the close (or skips CONNECT) changes nothing.
 */
class SessionCsrf implements ChannelInterceptor {

    /** Session attribute: this socket's CONNECT passed the check. */
    static final String CONNECT_PASSED = "hotline.console.csrf-passed";

    private final XorCsrfChannelInterceptor tokenCheck = new XorCsrfChannelInterceptor();
    private final ObjectProvider<MessageChannel> toClients;

    SessionCsrf(ObjectProvider<MessageChannel> toClients) {
        this.toClients = toClients;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var attributes = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
        if (attributes == null || Boolean.TRUE.equals(attributes.get(WebSocketConfiguration.BASIC_HANDSHAKE))) {
            return message;
        }
        var type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
        if (type == SimpMessageType.CONNECT) {
            return checkConnect(message, channel, attributes);
        }
        boolean passed = Boolean.TRUE.equals(attributes.get(CONNECT_PASSED));
        return passed || type == SimpMessageType.DISCONNECT || type == SimpMessageType.HEARTBEAT ? message : null;
    }

    private Message<?> checkConnect(Message<?> message, MessageChannel channel, Map<String, Object> attributes) {
        try {
            var checked = tokenCheck.preSend(message, channel);
            attributes.put(CONNECT_PASSED, Boolean.TRUE);
            return checked;
        } catch (MissingCsrfTokenException | InvalidCsrfTokenException refused) {
            attributes.put(CONNECT_PASSED, Boolean.FALSE);
            refuse(message, refused instanceof MissingCsrfTokenException
                    ? "CSRF token missing: send X-XSRF-TOKEN with CONNECT" : "CSRF token wrong");
            return null;
        }
    }

    /** An ERROR frame to this one session; Spring's STOMP handler closes the socket after sending it. */
    private void refuse(Message<?> connect, String reason) {
        var error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(SimpMessageHeaderAccessor.getSessionId(connect.getHeaders()));
        toClients.getObject().send(MessageBuilder.createMessage(new byte[0], error.getMessageHeaders()));
    }
}
