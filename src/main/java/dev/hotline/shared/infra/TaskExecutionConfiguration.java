package dev.hotline.shared.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A bounded executor for asynchronous work (Spring Modulith's durable event listeners). Declared explicitly because the
 * STOMP broker's own executor beans make Spring Boot's default one back off, and the fallback would start a thread per
 * event, each holding a database connection.
 * <p>
 * Named {@code taskExecutor} only, not {@code applicationTaskExecutor}: Spring Boot hands a bean of that name to the
 * STOMP client channels, and console pushes would then queue behind ticket work on these four threads (measured:
 * offers reaching agents 25 s late at 50 calls/s). The channels keep executors of their own.
 */
@Configuration(proxyBeanMethods = false)
class TaskExecutionConfiguration {

    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor taskExecutor() {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("hotline-task-");
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
