package dev.hotline.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.routing.AgentRingNoAnswer;
import dev.hotline.servicelevel.RealtimeStats;
import dev.hotline.routing.RingAlert;
import dev.hotline.servicelevel.ServiceLevelAlert;
import dev.hotline.servicelevel.WallboardMoved;
import dev.hotline.servicelevel.WallboardSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The supervisor wallboard: a snapshot to {@code /topic/wallboard} every interval while anyone on this node is
 * subscribed (each node reads the shared figures and serves its own sockets), alerts to {@code /topic/alerts} on
 * every node, and the same snapshot over REST. When a figure moves (on this node, or on another one, which signals it
 * through the relay) a fresh snapshot goes out within {@link #SOON} instead of at the next tick, so supervisors see
 * an event well within a second; bursts are coalesced to at most one early push per {@link #SOON}.
 */
@Tag(name = "Consoles")
@RestController
class Wallboard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Wallboard.class);
    static final Duration SOON = Duration.ofMillis(150);
    private static final String MOVED = "wallboard-moved";

    private final RealtimeStats stats;
    private final SimpMessagingTemplate template;
    private final SimpUserRegistry users;
    private final ConsoleRelay relay;
    private final WallboardAlerts alerts;
    private final Duration interval;
    private volatile ScheduledExecutorService pusher;
    private final AtomicBoolean earlyPushPending = new AtomicBoolean();
    private final AtomicBoolean movedHere = new AtomicBoolean();

    Wallboard(RealtimeStats stats, SimpMessagingTemplate template, SimpUserRegistry users, ConsoleRelay relay,
              WallboardAlerts alerts, ConsoleProperties properties) {
        this.alerts = alerts;
        this.stats = stats;
        this.template = template;
        this.users = users;
        this.relay = relay;
        this.interval = properties.wallboardInterval();
    }

    @Operation(summary = "Wallboard figures per queue and for all queues")
    @GetMapping("/api/wallboard")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    WallboardSnapshot wallboard() {
        return stats.snapshot();
    }

    void pushSnapshot() {
        push(stats::snapshot);
    }

    private void push(Supplier<WallboardSnapshot> figures) {
        try {
            boolean watched = !users.findSubscriptions(s -> Destinations.WALLBOARD.equals(s.getDestination())).isEmpty();
            if (watched) {
                template.convertAndSend(Destinations.WALLBOARD, figures.get());
            }
        } catch (RuntimeException e) {
            log.warn("Wallboard push failed: {}", e.toString());
        }
    }

    @EventListener
    void on(WallboardMoved e) {
        movedHere.set(true);
        pushSoon();
    }

    @EventListener
    void on(ConsoleRelay.Signal signal) {
        if (MOVED.equals(signal.name())) {
            pushSoon();
        }
    }

    /** Schedules an early push on the push thread: the publisher of the event (routing) waits for neither Redis nor the broker. */
    private void pushSoon() {
        ScheduledExecutorService p = pusher;
        if (p == null || !earlyPushPending.compareAndSet(false, true)) {
            return;
        }
        try {
            p.schedule(this::earlyPush, SOON.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            earlyPushPending.set(false);
        }
    }

    private void earlyPush() {
        earlyPushPending.set(false);
        if (movedHere.getAndSet(false)) {
            try {
                relay.signal(MOVED);
            } catch (RuntimeException ex) {
                log.warn("Could not signal a wallboard change to the other nodes: {}", ex.toString());
            }
        }
        push(stats::fresh);
    }

    /** Own timer thread: the message broker's TaskScheduler bean displaces Spring Boot's default @Scheduled one. */
    @Override
    public void start() {
        pusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wallboard-push");
            t.setDaemon(true);
            return t;
        });
        pusher.scheduleAtFixedRate(this::pushSnapshot, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService p = pusher;
        pusher = null;
        if (p != null) {
            p.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return pusher != null;
    }

    @EventListener
    void on(RingAlert e) {
        alerts.raise("ring", e.at(), new ConsoleMessages.Alert("alert", "ring", e.queue(), null,
                e.contactId().value(), e.ring(), null, null, null, e.at()));
    }

    @EventListener
    void on(AgentRingNoAnswer e) {
        alerts.raise("ring-no-answer", e.at(), new ConsoleMessages.Alert("alert", "ring-no-answer", null, e.agent(),
                e.contactId().value(), null, null, null, null, e.at()));
    }

    @EventListener
    void on(ServiceLevelAlert e) {
        alerts.raise("service-level", e.at(), new ConsoleMessages.Alert("alert", "service-level", e.queue(), null, null,
                null, e.serviceLevel(), e.target(), e.window(), e.at()));
    }
}
