package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An arrival the entry point must answer now although the record (the database) is out: a telephony webhook has the
 * provider's timeout (Twilio: 15 s) to answer, and a caller refused gets an error tone. The arrival is kept in Redis
 * (durable on its AOF, so a node that dies meanwhile loses nothing; one entry per provider and external id, so a
 * retried webhook is still one contact) with the time it began, and every node writes the kept arrivals to the record
 * and queues them, keeping that arrival time, within a sweep interval of the database being back. The caller's
 * hang-up meanwhile (the contact is not recorded yet, or the record cannot be asked which contact the call is) is kept
 * too, with its time, and applied as soon as the contact is written: the call ends abandoned, not offered to an agent
 * for a caller who is gone.
 */
@Component
public class DeferredArrivals extends dev.hotline.shared.OwnThreadSweep {

    private static final Logger log = LoggerFactory.getLogger(DeferredArrivals.class);

    private final ContactRouting routing;
    private final RedisClient redis;
    private final JsonMapper json;
    private final ContactIntake records;
    private final String key;
    /** provider|externalId -> the hang-up's epoch milliseconds */
    private final String hangUps;
    private final Clock clock = Clock.systemUTC();

    DeferredArrivals(ContactRouting routing, ContactIntake records, RedisClient redis, JsonMapper json,
                     RoutingProperties properties) {
        super("deferred-arrivals", properties.sweepInterval());
        this.routing = routing;
        this.records = records;
        this.redis = redis;
        this.json = json;
        this.key = properties.keyPrefix() + "arrivals:deferred";
        this.hangUps = properties.keyPrefix() + "arrivals:deferred:hangups";
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
            defer(contact, e);
            return Optional.empty();
        }
    }

    /**
     * Keeps an arrival without trying the record, which has just failed with {@code outage} (an entry point that
     * already waited for a connection once should not wait again). Idempotent per provider and external id; the
     * arrival time is the one given, else now (returned). Throws when Redis is out too.
     */
    public Instant defer(NewContact contact, RuntimeException outage) {
        NewContact kept = contact.arrivedAt() != null ? contact : new NewContact(contact.channel(),
                contact.provider(), contact.externalId(), contact.from(), contact.to(), contact.queue(),
                clock.instant(), contact.subject(), contact.direction());
        if (redis.hsetnx(key, field(contact.provider(), contact.externalId()), json.writeValueAsString(kept)) == 1) {
            log.warn("The record is out ({}): arrival {} {} kept in Redis, written when it is back",
                    outage.toString(), contact.provider(), contact.externalId());
            return kept.arrivedAt();
        }
        // sent again meanwhile (a retried webhook, an integrator asking for its contact): the first one stands
        String first = redis.hget(key, field(contact.provider(), contact.externalId()));
        return first == null ? kept.arrivedAt() : json.readValue(first, NewContact.class).arrivedAt();
    }

    /** Whether this arrival is kept, not yet written to the record. */
    public boolean isKept(String provider, String externalId) {
        return redis.hexists(key, field(provider, externalId));
    }

    /**
     * The caller hung up a call that is only a kept arrival, or while the record cannot say which contact the call is:
     * applied (abandoned, or ended if it was connected) once the record is back. The first hang-up time is kept.
     */
    public void hangUpLater(String provider, String externalId, Instant at) {
        Instant when = at != null ? at : clock.instant();
        redis.hsetnx(hangUps, field(provider, externalId), Long.toString(when.toEpochMilli()));
        log.warn("Hang-up of {} {} kept in Redis until its contact is recorded", provider, externalId);
    }

    /**
     * The recorded contact of a call whose caller just hung up, for the entry point to end it; null when the hang-up
     * was kept instead (the record is out, or the arrival is kept and not yet written), applied once it is.
     *
     * @throws NotFoundException when the call is no contact of ours
     */
    public ContactId recordedOrKeepHangUp(String provider, String externalId, Instant at) {
        Optional<ContactId> contact;
        try {
            contact = records.idOf(provider, externalId);
        } catch (RuntimeException e) {
            if (!Outages.isOutage(e)) {
                throw e;
            }
            hangUpLater(provider, externalId, at);   // the entry point may never say it again (Twilio does not)
            return null;
        }
        if (contact.isEmpty() && isKept(provider, externalId)) {
            hangUpLater(provider, externalId, at);
            return null;
        }
        if (contact.isEmpty()) {   // again: a kept arrival may have been written between the two looks
            contact = records.idOf(provider, externalId);
        }
        return contact.orElseThrow(() -> new NotFoundException("Contact", provider + " " + externalId));
    }

    private static String field(String provider, String externalId) {
        return provider + "|" + externalId;
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
                ContactSnapshot contact = routing.arrive(json.readValue(entry.getValue(), NewContact.class));
                // the hang-up first: the entry stays kept until both are done, so a node dying here loses neither
                applyHangUp(entry.getKey(), contact.id());
                redis.hdel(key, entry.getKey());
                log.info("Kept arrival {} written to the record and queued", entry.getKey());
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    return;
                }
                log.error("Kept arrival {} could not be written; it stays kept", entry.getKey(), e);
            }
        }
        hangUpsOfRecordedContacts();
    }

    /** Kept hang-ups of contacts that were recorded before the outage (their arrival was never kept). */
    private void hangUpsOfRecordedContacts() {
        Map<String, String> kept;
        try {
            kept = redis.hgetAll(hangUps);
        } catch (RuntimeException e) {
            return;
        }
        for (String field : kept.keySet()) {
            if (redis.hexists(key, field)) {
                continue;   // its arrival is written first, in the next sweep if it failed in this one
            }
            try {
                String[] call = field.split("\\|", 2);
                var id = records.idOf(call[0], call[1]);
                if (id.isPresent()) {
                    applyHangUp(field, id.get());
                } else {
                    log.info("Kept hang-up of {} is of no contact of ours; dropped", field);
                    redis.hdel(hangUps, field);
                }
            } catch (RuntimeException e) {
                if (Outages.isOutage(e)) {
                    return;
                }
                log.error("Kept hang-up {} could not be applied; it stays kept", field, e);
            }
        }
    }

    private void applyHangUp(String field, ContactId contact) {
        String at = redis.hget(hangUps, field);
        if (at == null) {
            return;
        }
        routing.callerHungUp(contact, Instant.ofEpochMilli(Long.parseLong(at)));
        redis.hdel(hangUps, field);
        log.info("Kept hang-up of {} applied to contact {}", field, contact);
    }
}
