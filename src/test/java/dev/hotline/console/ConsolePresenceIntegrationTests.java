package dev.hotline.console;

import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.UUID;

import static dev.hotline.console.StompTestClient.OFFERS;
import static dev.hotline.console.StompTestClient.STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent without a console past the grace period is out of routing and gets its state back with a console: a closed
 * console, and a node that died holding it (it just stops renewing; another node notices).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hotline.routing.key-prefix=hotline:presence-test:", "hotline.routing.console.grace=2s",
        "hotline.routing.console.check-interval=200ms"})
@Import(ConsoleFixture.class)
class ConsolePresenceIntegrationTests {

    private static final String PREFIX = "hotline:presence-test:";

    @LocalServerPort
    int port;

    @Autowired
    ConsoleFixture fixture;

    @Autowired
    ContactRouting live;

    @Autowired
    AgentPresence presence;

    @Autowired
    RedisClient redis;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String queue = "presence-" + run;

    StompTestClient console(String agent) throws Exception {
        return StompTestClient.connect(port, agent, ConsoleFixture.PASSWORD).subscribe(OFFERS).subscribe(STATE);
    }

    @Test
    void aClosedConsoleTakesTheAgentOutOfRoutingAfterTheGraceAndBackWithItsState() throws Exception {
        fixture.queue(queue);
        String agent = "ann-" + run;
        fixture.agent(agent, queue);
        try (var console = console(agent)) {
            console.next(STATE, "resume");
            console.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
            assertThat(console.next(STATE, "state").path("state").asString()).isEqualTo("AVAILABLE");
        }
        // a reload or a blip within the grace period changes nothing
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(agent).state() == AgentState.BREAK);
        assertThat(presence.status(agent).reason()).isEqualTo("away");

        var contact = live.arrive(new NewContact(Channel.VOICE, "api", "presence-" + run, "+8613911000001", null, queue,
                null, null));
        assertThat(presence.status(agent).pendingOffer()).isNull();

        try (var console = console(agent)) {
            var offer = console.next(OFFERS, "offer");
            assertThat(offer.path("contactId").asLong()).isEqualTo(contact.id().value());
            assertThat(presence.status(agent).state()).isEqualTo(AgentState.RESERVED);
        }
    }

    @Test
    void anAgentOfANodeThatDiedGoesAwayAndAnAgentOnABreakKeepsItsReason() throws Exception {
        fixture.queue(queue);
        String agent = "bob-" + run;
        fixture.agent(agent, queue);
        presence.login(agent);
        presence.startBreak(agent, "lunch");
        // what a node leaves behind when it is killed: its last renewal, no disconnect, nobody renewing any more
        redis.zadd(PREFIX + "consoles", System.currentTimeMillis() + 500, agent);

        await().atMost(Duration.ofSeconds(10)).until(() -> "away".equals(presence.status(agent).reason()));
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.BREAK);

        try (var console = console(agent)) {
            console.next(STATE, "resume");
            await().atMost(Duration.ofSeconds(5)).until(() -> "lunch".equals(presence.status(agent).reason()));
            assertThat(presence.status(agent).state()).isEqualTo(AgentState.BREAK);
        }
    }
}
