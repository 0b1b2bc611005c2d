package dev.hotline.routing;

import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * An arrival the entry point must answer now although the record (the database) is out: a telephony webhook has the
 * provider's timeout (Twilio: 15 s) to answer, and a caller refused gets an error tone. The arrival is kept in Redis
 * (durable on its AOF, so a node that dies meanwhile loses nothing; one entry per provider and external id, so a
 * retried webhook is still one contact) with the time it began, and every node writes the kept arrivals to the record
 * and queues them, keeping that arrival time, within a sweep interval of the database being back.
 */
@Component
public class DeferredArrivals extends dev.hotline.shared.OwnThreadSweep {

    private static final Logger log = LoggerFactory.getLogger(DeferredArrivals.class);

    private final ContactRouting routing;
    private final RedisClient redis;
    private final JsonMapper json;
    private final String key;
    private final Clock clock = Clock.systemUTC();

    DeferredArrivals(ContactRouting routing, RedisClient redis, JsonMapper json, RoutingProperties properties) {
        super("deferred-arrivals", properties.sweepInterval());
        this.routing = routing;
        this.redis = redis;
        this.json = json;
        this.key = properties.keyPrefix() + "arrivals:deferred";
    }

    /**
     * The contact as recorded, or empty when the record is out and the arrival was kept to be written when it is
     * back (answer the caller as waiting). An arrival without an external id cannot be kept (it would not be
     * idempotent): its outage is thrown, as is one with Redis out too.
     */
    public Optional<ContactSnapshot> arriveOrDefer(NewContact contact) {
        try {
            return Optional.of(routing.arrive(contact));
        } catch (RuntimeException e) {
            if (!Outages.isOutage(e) || contact.externalId() == null) {
                throw e;
            }
            NewContact kept = contact.arrivedAt() != null ? contact : new NewContact(contact.channel(),
                    contact.provider(), contact.externalId(), contact.from(), contact.to(), contact.queue(),
                    clock.instant(), contact.subject(), contact.direction());
            redis.hsetnx(key, contact.provider() + "|" + contact.externalId(), json.writeValueAsString(kept));
            log.warn("The record is out ({}): arrival {} {} kept in Redis, written when it is back",
                    e.toString(), contact.provider(), contact.externalId());
            return Optional.empty();
        }
    }

    /** Writes the kept arrivals; stops at the first outage (the next sweep tries again). */
    @Override
    protected void sweep() {
        Map<String, String> kept;
        try {
            kept = redis.hgetAll(key);
        } catch (RuntimeException e) {
            return;
        }
        for (var entry : kept.entrySet()) {
            try {
                routing.arrive(json.readValue(entry.getValue(), NewContact.class));
                redis.hdel(key, entry.getKey());
                log.info("Kept arrival {} written to the record and queued", entry.getKey());
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    return;
                }
                log.error("Kept arrival {} could not be written; it stays kept", entry.getKey(), e);
            }
        }
    }
}
