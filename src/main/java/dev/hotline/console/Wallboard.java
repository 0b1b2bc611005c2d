package dev.hotline.console;

import dev.hotline.routing.AgentRingNoAnswer;
import dev.hotline.servicelevel.RealtimeStats;
import dev.hotline.servicelevel.RingAlert;
import dev.hotline.servicelevel.ServiceLevelAlert;
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

/**
 * The supervisor wallboard: a snapshot to {@code /topic/wallboard} every interval while anyone on this node is
 * subscribed (each node reads the shared figures and serves its own sockets), alerts to {@code /topic/alerts} on
 * every node, and the same snapshot over REST.
 */
@RestController
class Wallboard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Wallboard.class);

    private final RealtimeStats stats;
    private final SimpMessagingTemplate template;
    private final SimpUserRegistry users;
    private final ConsoleRelay relay;
    private final Duration interval;
    private volatile ScheduledExecutorService pusher;

    Wallboard(RealtimeStats stats, SimpMessagingTemplate template, SimpUserRegistry users, ConsoleRelay relay,
              ConsoleProperties properties) {
        this.stats = stats;
        this.template = template;
        this.users = users;
        this.relay = relay;
        this.interval = properties.wallboardInterval();
    }

    @GetMapping("/api/wallboard")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    WallboardSnapshot wallboard() {
        return stats.snapshot();
    }

    void pushSnapshot() {
        try {
            boolean watched = !users.findSubscriptions(s -> Destinations.WALLBOARD.equals(s.getDestination())).isEmpty();
            if (watched) {
                template.convertAndSend(Destinations.WALLBOARD, stats.snapshot());
            }
        } catch (RuntimeException e) {
            log.warn("Wallboard push failed: {}", e.toString());
        }
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
        relay.toTopic(Destinations.ALERTS, new ConsoleMessages.Alert("alert", "ring", e.queue(), null,
                e.contactId().value(), e.ring(), null, null, null, e.at()));
    }

    @EventListener
    void on(AgentRingNoAnswer e) {
        relay.toTopic(Destinations.ALERTS, new ConsoleMessages.Alert("alert", "ring-no-answer", null, e.agent(),
                e.contactId().value(), null, null, null, null, e.at()));
    }

    @EventListener
    void on(ServiceLevelAlert e) {
        relay.toTopic(Destinations.ALERTS, new ConsoleMessages.Alert("alert", "service-level", e.queue(), null, null,
                null, e.serviceLevel(), e.target(), e.window(), e.at()));
    }
}
