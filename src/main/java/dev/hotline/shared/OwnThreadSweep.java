package dev.hotline.shared;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A sweep that must run on time during an outage, on its own daemon thread rather than the shared scheduler (which may
 * be busy with slower jobs exactly when a store comes back); started and stopped with the application context.
 */
public abstract class OwnThreadSweep implements SmartLifecycle {

    private final String threadName;
    private final long intervalMillis;
    private ScheduledExecutorService executor;

    protected OwnThreadSweep(String threadName, Duration interval) {
        this.threadName = threadName;
        this.intervalMillis = interval.toMillis();
    }

    /** One round; it must catch what it can recover from (an exception ends the schedule). */
    protected abstract void sweep();

    /** Off: never scheduled (also with an interval of 0). */
    protected boolean enabled() {
        return true;
    }

    @Override
    public synchronized void start() {
        if (enabled() && intervalMillis > 0 && executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            executor.scheduleWithFixedDelay(this::sweep, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
