package dev.hotline.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Ring deadlines and wrap-up ends live in the Redis {@code timers} ZSET, so they fire even when the node that set them
 * is gone: every node sweeps it each {@code sweep-interval}. The node that set a timer also wakes up exactly at its
 * time (a local early sweep), so deadlines are not up to a second late. Handling claims each timer atomically (ZREM in
 * the script), so a timer is handled once however many nodes see it.
 */
@Component
class RoutingTimers implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoutingTimers.class);

    private final RedisRoutingStore store;
    private final RoutingProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile BiConsumer<String, Long> handler = (member, now) -> { };
    private volatile boolean running;

    RoutingTimers(RedisRoutingStore store, RoutingProperties properties, ObjectProvider<Clock> clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "routing-timers");
            t.setDaemon(true);
            return t;
        });
    }

    void onDue(BiConsumer<String, Long> handler) {
        this.handler = handler;
    }

    /** Wake up at {@code epochMillis} on this node (the sweep of every node is the safety net). */
    void at(long epochMillis) {
        if (running) {
            executor.schedule(this::sweep, Math.max(0, epochMillis - clock.millis()), TimeUnit.MILLISECONDS);
        }
    }

    /** Handles every due timer; each is claimed in Redis, so concurrent sweeps on other nodes do not double-handle. */
    void sweep() {
        if (!running) {
            return;
        }
        try {
            long now = clock.millis();
            for (String member : store.dueTimers(now, 500)) {
                try {
                    handler.accept(member, now);
                } catch (RuntimeException e) {
                    log.warn("Routing timer {} failed: {}", member, e.toString());
                }
            }
        } catch (RuntimeException e) {
            log.warn("Routing timer sweep failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        running = true;
        long interval = properties.sweepInterval().toMillis();
        executor.scheduleWithFixedDelay(this::sweep, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        running = false;
        executor.shutdownNow();
    }
}
