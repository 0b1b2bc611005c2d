package dev.hotline.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;

/**
 * Who may do what on the STOMP connection (same users and roles as REST). Agents read only their own
 * {@code /user/queue/*} (the user destination resolves to the session's own user, so another agent's queue cannot be
 * named); supervisors' topics and actions need SUPERVISOR or ADMIN; anything not listed is denied.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketSecurity
class WebSocketSecurityConfiguration {

    @Bean
    AuthorizationManager<Message<?>> messageAuthorizationManager(MessageMatcherDelegatingAuthorizationManager.Builder messages) {
        return messages
                .simpTypeMatchers(SimpMessageType.CONNECT, SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE,
                        SimpMessageType.DISCONNECT).permitAll()
                .simpSubscribeDestMatchers("/user/queue/errors", "/user/queue/notifications").authenticated()
                .simpSubscribeDestMatchers("/user/queue/offers", "/user/queue/state", "/user/queue/contacts").hasRole("AGENT")
                .simpSubscribeDestMatchers("/user/queue/messages").hasRole("AGENT")
                .simpSubscribeDestMatchers("/topic/wallboard", "/topic/alerts").hasAnyRole("SUPERVISOR", "MANAGER", "ADMIN")
                .simpDestMatchers("/app/agent/**").hasRole("AGENT")
                .simpDestMatchers("/app/supervisor/**").hasAnyRole("SUPERVISOR", "ADMIN")
                // other /app destinations reach no action: the catch-all answers with an "unknown-destination" problem
                .simpMessageDestMatchers("/app/**").authenticated()
                .anyMessage().denyAll()
                .build();
    }

    /** Replaces Spring Security's CONNECT check by {@link SessionCsrf} (the bean name is the extension point). */
    @Bean
    ChannelInterceptor csrfChannelInterceptor(
            @Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
        return new SessionCsrf(clientOutboundChannel);
    }
}
