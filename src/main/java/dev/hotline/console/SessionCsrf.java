package dev.hotline.console;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.messaging.web.csrf.XorCsrfChannelInterceptor;

/**
 * CSRF on STOMP CONNECT. A handshake authenticated by the session cookie could be started by any page the browser
 * visits, so its CONNECT must carry the (masked) CSRF token in the {@code X-XSRF-TOKEN} header, as Spring Security
 * checks it (the console page gets it from {@code GET /api/csrf}). A handshake that carried HTTP Basic credentials
 * (load generator, tests) proves itself: no browser attaches them to a cross-site WebSocket, whose Origin the endpoint
 * refuses anyway. Browsers always send Origin, so cross-site sockets are refused before either check.
 */
class SessionCsrf implements ChannelInterceptor {

    private final XorCsrfChannelInterceptor tokenCheck = new XorCsrfChannelInterceptor();

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var attributes = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
        if (attributes != null && Boolean.TRUE.equals(attributes.get(WebSocketConfiguration.BASIC_HANDSHAKE))) {
            return message;
        }
        return tokenCheck.preSend(message, channel);
    }
}
