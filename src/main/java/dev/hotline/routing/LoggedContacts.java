package dev.hotline.routing;

import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Letters, visits and e-mails an agent logs from the console are already in that agent's hands: they are assigned to
 * the agent at once (take.lua), not offered through the queue to whoever is free. When the agent cannot hold a contact
 * now (offline, on a break, an offer ringing) the caller queues it as any other arrival.
 */
@Component
class LoggedContacts {

    private final LuaScripts scripts;
    private final String prefix;
    private final QueueCatalog catalog;
    private final AgentDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LoggedContacts(RedisClient redis, RoutingProperties properties, QueueCatalog catalog, AgentDirectory directory,
                   ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.scripts = new LuaScripts(redis, "dev/hotline/routing/lua/prelude.lua");
        this.prefix = properties.keyPrefix();
        this.catalog = catalog;
        this.directory = directory;
        this.events = events;
        this.clock = clock.getIfUnique(Clock::systemUTC);
    }

    /** True when the recorded contact is now the agent's (BUSY on it); false when it must be queued instead. */
    boolean take(ContactSnapshot stored, String agent) {
        AgentProfile profile;
        try {
            profile = directory.get(agent);
        } catch (NotFoundException noRoutingProfile) {
            return false;
        }
        String queue = catalog.resolve(stored.queue()).name();
        long at = clock.millis();
        List<Object> r = LuaScripts.list(scripts.run("take", List.of(prefix, Long.toString(stored.id().value()), agent,
                Long.toString(at), queue, stored.channel().name(),
                stored.customerId() == null ? "" : stored.customerId().toString(),
                stored.customerTier() == null ? "" : stored.customerTier().name(), stored.provider(),
                stored.externalId() == null ? "" : stored.externalId(),
                Long.toString(stored.arrivedAt().toEpochMilli()))));
        if (!"OK".equals(LuaScripts.str(r.get(0)))) {
            return false;
        }
        Instant now = Instant.ofEpochMilli(at);
        AgentState was = OutboundRouting.state(LuaScripts.str(r.get(1)));
        events.publishEvent(new AgentStateChanged(agent, was, AgentState.BUSY, "logged", stored.id(), now));
        events.publishEvent(new ContactAssigned(stored.id(), agent, queue, stored.channel(), stored.provider(),
                stored.externalId(), profile.extension(), profile.phone(), profile.clientIdentity(), stored.from(),
                stored.customerId()));
        return true;
    }
}
