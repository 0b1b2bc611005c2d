package dev.hotline.console;

import dev.hotline.routing.AgentRingNoAnswer;
import dev.hotline.servicelevel.RealtimeStats;
import dev.hotline.servicelevel.RingAlert;
import dev.hotline.servicelevel.ServiceLevelAlert;
import dev.hotline.servicelevel.WallboardSnapshot;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisor wallboard: a snapshot to {@code /topic/wallboard} every interval while anyone on this node is
 * subscribed (each node reads the shared figures and serves its own sockets), alerts to {@code /topic/alerts} on
 * every node, and the same snapshot over REST.
 */
@RestController
class Wallboard {

    private final RealtimeStats stats;
    private final SimpMessagingTemplate template;
    private final SimpUserRegistry users;
    private final ConsoleRelay relay;

    Wallboard(RealtimeStats stats, SimpMessagingTemplate template, SimpUserRegistry users, ConsoleRelay relay) {
        this.stats = stats;
        this.template = template;
        this.users = users;
        this.relay = relay;
    }

    @GetMapping("/api/wallboard")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    WallboardSnapshot wallboard() {
        return stats.snapshot();
    }

    @Scheduled(fixedRateString = "${hotline.console.wallboard-interval:1s}")
    void pushSnapshot() {
        boolean watched = !users.findSubscriptions(s -> Destinations.WALLBOARD.equals(s.getDestination())).isEmpty();
        if (watched) {
            template.convertAndSend(Destinations.WALLBOARD, stats.snapshot());
        }
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
