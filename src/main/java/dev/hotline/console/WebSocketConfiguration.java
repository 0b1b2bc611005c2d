package dev.hotline.console;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.util.Map;

/**
 * STOMP over WebSocket at {@code /ws}: a simple in-memory broker per node (pushes from other nodes arrive through
 * {@link ConsoleRelay}), {@code /app} for actions, {@code /user} for one agent's queues. The handshake is authenticated
 * by the HTTP security chain (session cookie or HTTP Basic).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfiguration implements WebSocketMessageBrokerConfigurer {

    /** Session attribute: the handshake carried its own credentials (HTTP Basic), so it cannot be a forged request. */
    static final String BASIC_HANDSHAKE = "hotline.console.basic-handshake";

    private final ConsoleProperties properties;
    private final OversizedSendGuard oversizedSendGuard;
    private final ResumeOnSubscribe resumeOnSubscribe;

    WebSocketConfiguration(ConsoleProperties properties, OversizedSendGuard oversizedSendGuard,
                           ResumeOnSubscribe resumeOnSubscribe) {
        this.properties = properties;
        this.oversizedSendGuard = oversizedSendGuard;
        this.resumeOnSubscribe = resumeOnSubscribe;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws")
                .setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new))
                .addInterceptors(new BasicHandshakeMarker());
        // a session's frames are handled in the order received: SUBSCRIBE is in place before a following SEND
        registry.setPreserveReceiveOrder(true);
        // refused frames (authorisation, CSRF) get a STOMP ERROR frame naming the reason; the client then closes
        registry.setErrorHandler(new StompSubProtocolErrorHandler());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue", "/topic");
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        // pushes to a session leave in the order they were sent (sequence numbers arrive in order)
        registry.setPreservePublishOrder(true);
        registry.setCacheLimit(properties.destinationCache());
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(oversizedSendGuard, resumeOnSubscribe);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(properties.maxFrame());
        registration.addDecoratorFactory(PartialMessages::new);
    }

    /**
     * Tomcat allocates its buffers for every open connection, so they are kept small: 10 000 consoles must fit in a
     * 1 GB heap next to everything else. The WebSocket read buffer (read-buffer, 1 KB; a console's frames are a few
     * hundred bytes) would otherwise be max-frame, ~2 GB for 10 000 sessions; a bigger frame arrives in parts
     * ({@link PartialMessages}) that the STOMP decoder joins up to max-frame. The connection's socket buffers
     * (socket-buffer, 2 KB each way, Tomcat's default 8 KB) only batch reads and writes. The WebSocket buffers are
     * context parameters so that tests without a server (MockMvc) are not affected.
     */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> webSocketBuffers(ConsoleProperties properties) {
        String size = Integer.toString(properties.readBuffer());
        String socket = Integer.toString(properties.socketBuffer());
        return factory -> {
            factory.addContextCustomizers(context -> {
                context.addParameter("org.apache.tomcat.websocket.textBufferSize", size);
                context.addParameter("org.apache.tomcat.websocket.binaryBufferSize", size);
            });
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", socket);
                connector.setProperty("socket.appWriteBufSize", socket);
            });
        };
    }

    /** Takes a frame in parts: Spring's STOMP decoder buffers a frame until it is complete (and refuses it past max-frame). */
    static final class PartialMessages extends WebSocketHandlerDecorator {

        PartialMessages(WebSocketHandler delegate) {
            super(delegate);
        }

        @Override
        public boolean supportsPartialMessages() {
            return true;
        }
    }

    /** Records whether the handshake was authenticated by HTTP Basic; see {@link SessionCsrf}. */
    static final class BasicHandshakeMarker implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)
                    && request.getPrincipal() != null;
            attributes.put(BASIC_HANDSHAKE, basic);
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }
    }
}
