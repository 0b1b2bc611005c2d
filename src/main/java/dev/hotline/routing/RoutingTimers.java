package dev.hotline.routing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Routing's one timer engine. Ring deadlines, wrap-up ends, the three-ring escalation steps and re-offer checks live in
 * the Redis {@code timers} ZSET, so they fire even when the node that set them is gone: every node sweeps it each
 * {@code sweep-interval}. A node also wakes up exactly when the earliest timer it knows of is due, so deadlines are not
 * up to a second late; wake-ups are coalesced (one planned at a time, the earliest), since a sweep handles every due
 * timer at once. Handling claims each timer atomically (ZREM in the script), so a timer is handled once however many
 * nodes see it.
 */
@Component
class RoutingTimers implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoutingTimers.class);
    private static final int BATCH = 500;

    private final RedisRoutingStore store;
    private final RoutingProperties properties;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile BiConsumer<String, Long> handler = (member, now) -> { };
    private volatile boolean running;
    /** The planned wake-up (epoch millis), or Long.MAX_VALUE when none is. */
    private final AtomicLong wakeUp = new AtomicLong(Long.MAX_VALUE);

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

    /** A further handler after the current one (each ignores the timer members it does not own). */
    void alsoOnDue(BiConsumer<String, Long> more) {
        BiConsumer<String, Long> first = this.handler;
        this.handler = first.andThen(more);
    }

    /** Wake up at {@code epochMillis} on this node, unless a wake-up no later than that is planned already. */
    void at(long epochMillis) {
        if (!running) {
            return;
        }
        long planned;
        do {
            planned = wakeUp.get();
            if (planned <= epochMillis) {
                return;
            }
        } while (!wakeUp.compareAndSet(planned, epochMillis));
        executor.schedule(this::wake, Math.max(0, epochMillis - clock.millis()), TimeUnit.MILLISECONDS);
    }

    /** A planned wake-up: everything due now, then the next wake-up at the earliest timer left. */
    private void wake() {
        long now = clock.millis();
        wakeUp.accumulateAndGet(now, (planned, at) -> planned <= at ? Long.MAX_VALUE : planned);
        sweep();
        try {
            Long next = store.earliestTimer();
            if (next != null && next > clock.millis()) {
                at(next);
            }
        } catch (RuntimeException e) {
            log.debug("Next routing timer unknown: {}", e.toString());
        }
    }

    /** Handles every due timer; each is claimed in Redis, so concurrent sweeps on other nodes do not double-handle. */
    void sweep() {
        if (!running) {
            return;
        }
        try {
            List<String> due;
            do {
                long now = clock.millis();
                due = store.dueTimers(now, BATCH);
                for (String member : due) {
                    try {
                        handler.accept(member, now);
                    } catch (RuntimeException e) {
                        log.warn("Routing timer {} failed: {}", member, e.toString());
                    }
                }
            } while (due.size() == BATCH && running);
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
