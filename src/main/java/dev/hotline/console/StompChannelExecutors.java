package dev.hotline.console;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Threads of their own for the STOMP client channels. Spring Boot hands the channels the application's task executor
 * when it finds one, and ours runs the durable ticket listeners: offers then queued behind ticket work and reached
 * agents 25 s late at 50 calls/s. Applied last ({@link Order}), so this executor replaces Boot's.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.LOWEST_PRECEDENCE)
class StompChannelExecutors implements WebSocketMessageBrokerConfigurer, DisposableBean {

    private final ThreadPoolTaskExecutor inbound;
    private final ThreadPoolTaskExecutor outbound;

    StompChannelExecutors() {
        int cores = Runtime.getRuntime().availableProcessors();
        // inbound runs agent actions (accept, finish: database work), outbound only writes frames to sockets
        this.inbound = executor("stomp-in-", Math.max(8, cores * 4));
        this.outbound = executor("stomp-out-", Math.max(4, cores * 2));
    }

    @Override
    public void destroy() {
        inbound.shutdown();
        outbound.shutdown();
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.executor(inbound);
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.executor(outbound);
    }

    private static ThreadPoolTaskExecutor executor(String prefix, int threads) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix(prefix);
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setAllowCoreThreadTimeOut(true);
        executor.initialize();
        return executor;
    }
}
