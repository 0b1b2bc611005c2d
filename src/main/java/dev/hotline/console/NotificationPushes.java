package dev.hotline.console;

import dev.hotline.notification.NotificationRaised;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Pushes a new notification to every console session of its recipient, on whichever node the socket is. After the
 * commit: a notification the database did not keep (a duplicate, a rollback) is never shown.
 */
@Component
class NotificationPushes {

    private final ConsoleRelay relay;

    NotificationPushes(ConsoleRelay relay) {
        this.relay = relay;
    }

    @TransactionalEventListener
    void on(NotificationRaised e) {
        relay.toAgent(e.recipient(), Destinations.NOTIFICATIONS, new ConsoleMessages.Notification("notification",
                e.id(), e.rule(), e.title(), e.body(), e.ticketId(), e.ticketNumber(), e.occurredAt()));
    }
}
