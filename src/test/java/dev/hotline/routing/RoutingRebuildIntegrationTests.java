package dev.hotline.routing;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis comes back empty (no AOF): within seconds routing is what the record says, and the agent can finish. */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:rebuild-test:")
class RoutingRebuildIntegrationTests {

    private static final String PREFIX = "hotline:rebuild-test:";

    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    ContactRouting routing;
    @Autowired
    ContactIntake contacts;
    @Autowired
    RedisRoutingStore store;
    @Autowired
    RedisClient redis;
    @Autowired
    JdbcTemplate jdbc;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String queue = "rebuild-" + run;

    @Test
    void anEmptiedRedisGetsItsAgentsAndConnectedAndWaitingContactsBackFromTheRecord() {
        var d = administration.queueDefaults(queue);
        administration.saveQueue(new QueueSettings(queue, Map.of(queue, 1), RoutingStrategy.LONGEST_IDLE,
                Duration.ofMinutes(1), d.ringPeriod(), 10, 11, 12, d.zone(), d.onCall()));
        String ann = "ann-" + run;
        String bob = "bob-" + run;
        administration.saveAgent(new AgentProfile(ann, ann, Map.of(queue, 1), "1001", null, null, 1, 3, 0));
        administration.saveAgent(new AgentProfile(bob, bob, Map.of(queue, 1), "1002", null, null, 1, 3, 0));
        presence.login(bob);
        presence.startBreak(bob, "lunch");
        presence.login(ann);
        var talking = arrives("talk");
        await().atMost(Duration.ofSeconds(5)).until(() -> talking.id().equals(presence.status(ann).pendingOffer()));
        presence.accept(talking.id(), ann);
        var waiting = arrives("wait");
        // the record has caught up (it is written behind)
        await().atMost(Duration.ofSeconds(10)).until(() -> status(talking.id()) == ContactStatus.CONNECTED
                && "BUSY".equals(lastState(ann)) && "BREAK".equals(lastState(bob)));
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.exists(PREFIX + "alive"));

        redis.del(redis.keys(PREFIX + "*").toArray(String[]::new));   // Redis restarted without AOF
        assertThat(presence.status(ann).state()).isEqualTo(AgentState.OFFLINE);

        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status(ann).state() == AgentState.BUSY);
        assertThat(presence.status(ann).activeContacts()).containsExactly(talking.id());
        assertThat(presence.status(bob).state()).isEqualTo(AgentState.BREAK);
        assertThat(presence.status(bob).reason()).isEqualTo("lunch");
        // agents first, then the contacts the record holds: the waiting one is back a moment later
        await().atMost(Duration.ofSeconds(5)).until(() -> "WAITING".equals(store.contactState(waiting.id().value())));

        presence.finish(talking.id(), ann, "fixed");
        assertThat(presence.status(ann).state()).isEqualTo(AgentState.WRAP_UP);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(talking.id()) == ContactStatus.ENDED);
        routing.callerHungUp(waiting.id(), null);
    }

    /**
     * An accept lost with Redis: the record shows the call ringing at zed (the journal had not written zed's accept)
     * when Redis comes back empty. The rebuild offers it to zed again, whose console accepts it again; amy, free and
     * first in line for anything else (same idle time, sorted first), is not offered the call zed is talking on.
     */
    @Test
    void aCallRingingAtAnAgentWhenRedisWasLostIsOfferedToThatAgentAgainNotToAnother() {
        var d = administration.queueDefaults(queue);
        administration.saveQueue(new QueueSettings(queue, Map.of(queue, 1), RoutingStrategy.LONGEST_IDLE,
                Duration.ofMinutes(1), d.ringPeriod(), 10, 11, 12, d.zone(), d.onCall()));
        String zed = "zed-" + run;
        String amy = "amy-" + run;
        administration.saveAgent(new AgentProfile(zed, zed, Map.of(queue, 1), "1003", null, null, 1, 3, 0));
        administration.saveAgent(new AgentProfile(amy, amy, Map.of(queue, 1), "1004", null, null, 1, 3, 0));
        presence.login(zed);   // idle longest: offered first
        presence.login(amy);
        var call = arrives("lost-accept");
        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(zed).pendingOffer()));
        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.find(call.id())
                .filter(c -> c.status() == ContactStatus.OFFERED && zed.equals(c.agent())).isPresent()
                && "AVAILABLE".equals(lastState(amy)));
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.exists(PREFIX + "alive"));

        redis.del(redis.keys(PREFIX + "*").toArray(String[]::new));   // zed's accept was in the lost fraction

        await().atMost(Duration.ofSeconds(5)).until(() -> call.id().equals(presence.status(zed).pendingOffer()));
        assertThat(presence.status(amy).pendingOffer()).isNull();
        presence.accept(call.id(), zed);   // the console's accept, sent again
        assertThat(presence.status(zed).activeContacts()).containsExactly(call.id());
        assertThat(presence.status(amy).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(amy).pendingOffer()).isNull();
        presence.finish(call.id(), zed, "fixed");
    }

    private ContactSnapshot arrives(String what) {
        return routing.arrive(new NewContact(Channel.VOICE, "api", queue + "-" + what, "13800138000", "8000", queue,
                null, null));
    }

    private ContactStatus status(ContactId id) {
        return contacts.find(id).map(ContactSnapshot::status).orElse(null);
    }

    private String lastState(String agent) {
        return jdbc.query("SELECT to_state FROM agent_state_history WHERE agent = ? ORDER BY id DESC LIMIT 1",
                rs -> rs.next() ? rs.getString(1) : null, agent);
    }
}
