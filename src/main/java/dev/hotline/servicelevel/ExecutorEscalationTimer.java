package dev.hotline.servicelevel;

import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The production {@link EscalationTimer}: one daemon thread. Deliberately not a ScheduledExecutorService bean, which
 * would replace Spring Boot's task scheduler for every @Scheduled method of the application.
 */
final class ExecutorEscalationTimer implements EscalationTimer, DisposableBean {

    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "escalations");
        t.setDaemon(true);
        return t;
    });

    ExecutorEscalationTimer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void at(Instant when, Runnable task) {
        if (!executor.isShutdown()) {
            executor.schedule(task, Math.max(0, when.toEpochMilli() - clock.millis()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
