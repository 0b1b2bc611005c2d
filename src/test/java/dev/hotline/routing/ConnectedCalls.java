package dev.hotline.routing;

import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Queues, agents and calls connected to them, for the routing tests of what an agent does with its call. */
final class ConnectedCalls {

    private ConnectedCalls() {
    }

    /** An asterisk call arriving in {@code queue}, accepted and answered by {@code agent}. */
    static ContactSnapshot connected(ContactRouting routing, AgentPresence presence, String queue, String agent,
                                     Instant arrivedAt) {
        var call = routing.arrive(new NewContact(Channel.VOICE, "asterisk", "call-" + UUID.randomUUID(), "13800138000",
                "8000", queue, arrivedAt, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(call.id(), agent);
        routing.answered(call.id(), agent, null);
        return call;
    }

    /** An agent serving {@code queue} at level 1, logged in. */
    static String agent(RoutingAdministration administration, AgentPresence presence, String name, String queue) {
        administration.saveAgent(new AgentProfile(name, name, Map.of(queue, 1), "1001", null, null, 1, 3, 0));
        presence.login(name);
        return name;
    }

    /** A queue requiring its own skill, ringing each offer for {@code ringNoAnswer}. */
    static String queue(RoutingAdministration administration, String name, Duration ringNoAnswer) {
        var d = administration.queueDefaults(name);
        administration.saveQueue(new QueueSettings(name, Map.of(name, 1), RoutingStrategy.LONGEST_IDLE,
                ringNoAnswer, d.ringPeriod(), 10, 11, 12, d.zone(), d.onCall()));
        return name;
    }
}
