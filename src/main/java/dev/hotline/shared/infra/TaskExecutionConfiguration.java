package dev.hotline.shared.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A bounded executor for asynchronous work (Spring Modulith's durable event listeners). Declared explicitly because the
 * STOMP broker's own executor beans make Spring Boot's default one back off, and the fallback would start a thread per
 * event, each holding a database connection.
 */
@Configuration(proxyBeanMethods = false)
class TaskExecutionConfiguration {

    @Bean(name = {"taskExecutor", "applicationTaskExecutor"})
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
