package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactDirection;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Safety net for "a contact is never lost": a contact still waiting (or ringing) in the database that Redis does not
 * know — Redis was restarted or flushed, or routing failed right after the arrival was stored — is queued again with
 * its original arrival time and priority. Idempotent, so every node may run it.
 */
@Component
class RoutingRecovery {

    private static final Logger log = LoggerFactory.getLogger(RoutingRecovery.class);
    /** Younger contacts may still be on their way into Redis on the thread that stored them. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final ContactIntake contacts;
    private final RedisRoutingStore store;
    private final Router router;
    private final Clock clock = Clock.systemUTC();
    private final boolean enabled;

    RoutingRecovery(ContactIntake contacts, RedisRoutingStore store, Router router,
                    @Value("${hotline.routing.recovery:true}") boolean enabled) {
        this.contacts = contacts;
        this.store = store;
        this.router = router;
        this.enabled = enabled;
    }

    /**
     * Off only where several routing namespaces ({@code hotline.routing.key-prefix}) share one database, as the test
     * suite's contexts do: a sweep would adopt the other namespaces' contacts.
     */
    @Scheduled(initialDelayString = "${hotline.routing.recovery-interval:30s}",
            fixedDelayString = "${hotline.routing.recovery-interval:30s}")
    void sweep() {
        if (enabled) {
            recover(null);
        }
    }

    /** Queues again what Redis lost, in {@code queue} or (null) in every queue. */
    void recover(String queue) {
        Instant settled = clock.instant().minus(SETTLE);
        int recovered = 0;
        for (ContactStatus status : new ContactStatus[] {ContactStatus.WAITING, ContactStatus.OFFERED}) {
            for (ContactSnapshot c : contacts.search(status, queue, null, null, null, PageRequest.of(0, 500))) {
                // an outbound call Redis lost is no caller waiting: never queue it to agents
                if (c.direction() == ContactDirection.INBOUND && c.arrivedAt().isBefore(settled) && store.contactState(c.id().value()) == null
                        && stillLive(c) && requeue(c)) {
                    recovered++;
                }
            }
        }
        if (recovered > 0) {
            log.warn("Routing recovery: {} waiting contact(s) were missing from Redis and are queued again "
                    + "with their original arrival time (Redis restarted or flushed?)", recovered);
        }
    }

    /**
     * The page was read before Redis was asked: a contact answered or ended in between is no longer waiting. Read it
     * again now, so only one the database still has waiting (or ringing) is queued again.
     */
    private boolean stillLive(ContactSnapshot c) {
        return contacts.find(c.id())
                .filter(now -> now.status() == ContactStatus.WAITING || now.status() == ContactStatus.OFFERED)
                .isPresent();
    }

    private boolean requeue(ContactSnapshot c) {
        router.route(c);   // journalled as QUEUED: the record shows it waiting again
        return true;
    }
}
