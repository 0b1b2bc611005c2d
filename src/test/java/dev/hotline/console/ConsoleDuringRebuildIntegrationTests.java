package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.Channel;
import dev.hotline.shared.LiveStateRecovery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.UUID;

import static dev.hotline.console.StompTestClient.CONTACTS;
import static dev.hotline.console.StompTestClient.ERRORS;
import static dev.hotline.console.StompTestClient.OFFERS;
import static dev.hotline.console.StompTestClient.STATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A console action between Redis coming back empty and the end of the rebuild: refused as an outage (503
 * {@code unavailable}, which the console sends again), not as a conflict it would give up on, and applied once when
 * sent again after the rebuild.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "hotline.routing.key-prefix=hotline:console-rebuild-test:")
@Import(ConsoleFixture.class)
class ConsoleDuringRebuildIntegrationTests {

    private static final String PREFIX = "hotline:console-rebuild-test:";

    @LocalServerPort
    int port;
    @Autowired
    ConsoleFixture fixture;
    @Autowired
    ContactIntake contacts;
    @Autowired
    ContactRouting live;
    @Autowired
    AgentPresence presence;
    @Autowired
    RedisClient redis;
    @Autowired
    LiveStateRecovery recovery;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aFinishDuringTheRebuildIsRefusedAsUnavailableAndAppliedOnceWhenSentAgain() throws Exception {
        String queue = "rebuild-" + run;
        String agent = "ann-" + run;
        fixture.queue(queue);
        fixture.agent(agent, queue);
        try (var console = StompTestClient.connect(port, agent, ConsoleFixture.PASSWORD)
                .subscribe(ERRORS).subscribe(OFFERS).subscribe(CONTACTS).subscribe(STATE)) {
            var contact = acceptedCall(console, queue, "+8613912345678");
            assertThat(recovery.rebuilding()).isFalse();

            // Redis restarted without AOF, and another node holds the rebuild lease: not rebuilt yet
            redis.del(redis.keys(PREFIX + "*").toArray(String[]::new));
            redis.set(PREFIX + "rebuilding", "1");
            assertThat(recovery.rebuilding()).isTrue();
            String finish = "/app/agent/contacts/" + contact.id() + "/finish";
            console.send(finish, "{\"disposition\":\"solved\"}");
            var refused = console.next(ERRORS, p -> finish.equals(p.path("destination").asString()), "the finish");
            assertThat(refused.path("code").asString()).isEqualTo("unavailable");
            assertThat(refused.path("status").asInt()).isEqualTo(503);

            redis.del(PREFIX + "rebuilding");   // the lease ends: this node rebuilds
            await().atMost(Duration.ofSeconds(10)).until(() -> !recovery.rebuilding());
            assertThat(presence.status(agent).state()).isEqualTo(AgentState.BUSY);
            console.send(finish, "{\"disposition\":\"solved\"}");   // the console's retry
            console.next(CONTACTS, m -> "contact-ended".equals(m.path("type").asString())
                    && m.path("contactId").asLong() == contact.id().value(), "the contact ended");
            dev.hotline.Records.awaitRecorded(contacts, contact.id(), ContactStatus.ENDED);
            assertThat(contacts.history(contact.id()).stream().filter(h -> h.toStatus() == ContactStatus.ENDED
                    && h.fromStatus() != ContactStatus.ENDED).count()).as("ended once").isEqualTo(1);
            assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        }
    }

    /**
     * A finish applied in Redis whose journal entry had not reached the database when Redis was lost: the rebuild
     * gives the contact back to the agent (the record shows it connected), the resume lists it active again, and
     * the finish the console then sends again (as agent.html does for what it finished) ends it once.
     */
    @Test
    void aFinishLostWithRedisShowsTheContactActiveAgainAndAFinishSentAgainEndsItOnce() throws Exception {
        String queue = "lost-" + run;
        String agent = "bob-" + run;
        fixture.queue(queue);
        fixture.agent(agent, queue);
        try (var console = StompTestClient.connect(port, agent, ConsoleFixture.PASSWORD)
                .subscribe(ERRORS).subscribe(OFFERS).subscribe(CONTACTS).subscribe(STATE)) {
            var contact = acceptedCall(console, queue, "+8613912345679");

            // the journal writer stops (another node holds its lease and dies), the finish stays in Redis only
            redis.psetex(PREFIX + "journal:lease", 60_000, "a-node-that-dies");
            // the writer looks at its lease every 5/3 s: past that it has stopped writing
            await().during(Duration.ofMillis(2_000)).atMost(Duration.ofSeconds(5))
                    .until(() -> "a-node-that-dies".equals(redis.get(PREFIX + "journal:lease")));
            String finish = "/app/agent/contacts/" + contact.id() + "/finish";
            console.send(finish, "{\"disposition\":\"solved\"}");
            console.next(CONTACTS, m -> "contact-ended".equals(m.path("type").asString())
                    && m.path("contactId").asLong() == contact.id().value(), "the contact ended");
            redis.del(redis.keys(PREFIX + "*").toArray(String[]::new));   // Redis restarted without AOF
            assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.CONNECTED);

            await().atMost(Duration.ofSeconds(10)).until(() -> presence.status(agent).state() == AgentState.BUSY);
            console.send("/app/agent/resume", "{}");   // the console saw the push numbers jump
            var resume = console.next(STATE, "resume");
            assertThat(resume.path("activeContacts").toString()).contains("\"contactId\":" + contact.id().value());
            console.send(finish, "{\"disposition\":\"solved\"}");
            dev.hotline.Records.awaitRecorded(contacts, contact.id(), ContactStatus.ENDED);
            assertThat(contacts.history(contact.id()).stream().filter(h -> h.toStatus() == ContactStatus.ENDED
                    && h.fromStatus() != ContactStatus.ENDED).count()).as("ended once").isEqualTo(1);
            assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        }
    }

    /** The agent goes AVAILABLE, takes a call, and the record shows it connected; Redis has its marker. */
    private dev.hotline.contact.ContactSnapshot acceptedCall(StompTestClient console, String queue, String phone)
            throws InterruptedException {
        console.next(STATE, "resume");
        console.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
        var contact = live.arrive(new NewContact(Channel.VOICE, "api", queue, phone, null, queue, null, null));
        // a rebuild earlier in this namespace queued every contact the shared test database has waiting, some in
        // queues that ask no skill: those are offered to this agent too, and turned down
        long offered;
        while ((offered = console.next(OFFERS, "offer").path("contactId").asLong()) != contact.id().value()) {
            console.send("/app/agent/offers/" + offered + "/reject", "{}");
        }
        console.send("/app/agent/offers/" + contact.id() + "/accept", "{}");
        console.next(CONTACTS, "contact-assigned");
        dev.hotline.Records.awaitRecorded(contacts, contact.id(), ContactStatus.CONNECTED);
        await().atMost(Duration.ofSeconds(5)).until(() -> redis.exists(PREFIX + "alive"));
        return contact;
    }
}
