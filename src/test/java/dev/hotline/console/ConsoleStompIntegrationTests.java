package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import dev.hotline.routing.RingAlert;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static dev.hotline.console.StompTestClient.CONTACTS;
import static dev.hotline.console.StompTestClient.ERRORS;
import static dev.hotline.console.StompTestClient.OFFERS;
import static dev.hotline.console.StompTestClient.STATE;
import static dev.hotline.console.StompTestClient.WALLBOARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agent console over a real STOMP connection (HTTP Basic on the handshake) against the whole application. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hotline.routing.key-prefix=hotline:stomp-test:")
@Import(ConsoleFixture.class)
class ConsoleStompIntegrationTests {


    @LocalServerPort
    int port;

    @Autowired
    ConsoleFixture fixture;

    @Autowired
    ContactIntake contacts;
    @Autowired
    dev.hotline.routing.ContactRouting live;

    @Autowired
    AgentPresence presence;

    @Autowired
    SimpMessagingTemplate broker;

    @Autowired
    ApplicationEventPublisher events;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String queue = "stomp-" + run;

    StompTestClient agentConsole(String agent) throws Exception {
        return StompTestClient.connect(port, agent, ConsoleFixture.PASSWORD)
                .subscribe(ERRORS).subscribe(OFFERS).subscribe(CONTACTS).subscribe(STATE);
    }

    @Test
    void agentReceivesOfferWithScreenPopAcceptsAndFinishesIntoWrapUp() throws Exception {
        fixture.queue(queue);
        String agent = "ann-" + run;
        fixture.agent(agent, queue);
        try (var console = agentConsole(agent)) {
            var resume = console.next(STATE, "resume");
            assertThat(resume.path("state").asString()).isEqualTo("OFFLINE");
            var seqs = new ArrayList<Long>(); // every push to the agent, in whatever destination

            console.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
            var available = console.next(STATE, "state");
            assertThat(available.path("state").asString()).isEqualTo("AVAILABLE");
            seqs.add(available.path("seq").asLong());

            var contact = live.arrive(new NewContact(Channel.VOICE, "api", "stomp-" + run, "+8613911" + digits(),
                    null, queue, null, "noisy compressor"));
            var offer = console.next(OFFERS, "offer");
            assertThat(offer.path("contactId").asLong()).isEqualTo(contact.id().value());
            assertThat(offer.path("ringPeriodMillis").asLong()).isEqualTo(5000);
            assertThat(offer.path("ringDeadline").asString()).isNotEmpty();
            assertThat(offer.path("remainingMillis").asLong()).isBetween(1L, 15_000L);
            assertThat(offer.path("screenPop").path("newCaller").asBoolean()).isTrue();
            assertThat(offer.path("screenPop").path("from").asString()).startsWith("+8613911");
            seqs.add(offer.path("seq").asLong());
            var reserved = console.next(STATE, "state");
            assertThat(reserved.path("state").asString()).isEqualTo("RESERVED");
            seqs.add(reserved.path("seq").asLong());

            console.send("/app/agent/offers/" + contact.id() + "/accept", "{}");
            var busy = console.next(STATE, "state");
            assertThat(busy.path("state").asString()).isEqualTo("BUSY");
            seqs.add(busy.path("seq").asLong());
            var assigned = console.next(CONTACTS, "contact-assigned");
            seqs.add(assigned.path("seq").asLong());
            assertThat(assigned.path("contactId").asLong()).isEqualTo(contact.id().value());
            dev.hotline.Records.awaitRecorded(contacts, contact.id(), ContactStatus.CONNECTED);

            console.send("/app/agent/contacts/" + contact.id() + "/finish", "{\"disposition\":\"solved\"}");
            var wrapUp = console.next(STATE, "state");
            assertThat(wrapUp.path("state").asString()).isEqualTo("WRAP_UP");
            assertThat(wrapUp.path("contactId").asLong()).isEqualTo(contact.id().value());
            seqs.add(wrapUp.path("seq").asLong());
            var ended = console.next(CONTACTS, "contact-ended");
            assertThat(ended.path("contactId").asLong()).isEqualTo(contact.id().value());
            seqs.add(ended.path("seq").asLong());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.ENDED));
            // one gap-free sequence over all destinations, continuing from the resume's number
            long first = resume.path("seq").asLong() + 1;
            assertThat(seqs).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.LongStream.range(first, first + seqs.size()).boxed().toList());
            assertThat(console.errors).isEmpty();
        }
    }

    @Test
    void aCallerWhoHangsUpBeforeTheAcceptedCallIsConnectedLeavesTheAgentsScreen() throws Exception {
        fixture.queue(queue);
        String agent = "hang-" + run;
        fixture.agent(agent, queue);
        try (var console = agentConsole(agent)) {
            console.next(STATE, "resume");
            console.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
            console.next(STATE, "state");
            // a telephony call: accepting it does not answer it; the PBX connects it to the agent's phone
            var contact = live.arrive(new NewContact(Channel.VOICE, "twilio", "CA" + run + "hang", "+8613966" + digits(),
                    null, queue, null, null));
            console.next(OFFERS, "offer");
            console.send("/app/agent/offers/" + contact.id() + "/accept", "{}");
            console.next(CONTACTS, "contact-assigned");

            live.callerHungUp(contact.id(), null);   // while the agent's phone still rings

            assertThat(console.next(CONTACTS, "contact-ended").path("contactId").asLong()).isEqualTo(contact.id().value());
            assertThat(dev.hotline.Records.awaitRecorded(contacts, contact.id(), ContactStatus.ENDED).outcome())
                    .isEqualTo(dev.hotline.contact.ContactOutcome.ABANDONED);
            console.send("/app/agent/contacts/" + contact.id() + "/finish", "{\"disposition\":\"caller gone before pick-up\"}");
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    "caller gone before pick-up".equals(contacts.find(contact.id()).orElseThrow().disposition()));
        }
    }

    @Test
    void anAssignmentPushedAfterTheCallerHungUpIsFollowedByItsEnd() throws Exception {
        String agent = "late-" + run;
        try (var console = availableConsole(agent)) {
            var contact = live.arrive(new NewContact(Channel.VOICE, "twilio", "CA" + run + "late", "+8613977" + digits(),
                    null, queue, null, null));
            console.next(OFFERS, "offer");
            console.send("/app/agent/offers/" + contact.id() + "/accept", "{}");
            console.next(CONTACTS, "contact-assigned");
            live.callerHungUp(contact.id(), null);
            console.next(CONTACTS, "contact-ended");
            // the accept's push reaching the lane only now, as when the hang-up was handled on another node first
            events.publishEvent(new ContactAssigned(contact.id(), agent, queue, Channel.VOICE, "twilio",
                    "CA" + run + "late", null, null, null, "+8613977", null));
            assertThat(console.next(CONTACTS, "contact-assigned").path("contactId").asLong()).isEqualTo(contact.id().value());
            assertThat(console.next(CONTACTS, "contact-ended").path("contactId").asLong()).isEqualTo(contact.id().value());
        }
    }

    @Test
    void agentMayNotSubscribeToTheWallboardButOwnQueuesAreRegistered() throws Exception {
        String agent = "eve-" + run;
        String other = "gus-" + run;
        fixture.queue(queue);
        fixture.agent(agent, queue);
        fixture.agent(other, queue);
        try (var console = StompTestClient.connect(port, agent, ConsoleFixture.PASSWORD)) {
            console.subscribe(ERRORS).subscribe(STATE).next(STATE, "resume");
            // every refusal is a 403 problem on the error queue naming the destination; the session stays up
            for (String refused : List.of(WALLBOARD, "/topic/alerts", "/user/" + other + "/queue/offers")) {
                console.subscribe(refused);
                assertRefused(console.next(ERRORS, null), refused);
            }
            console.send("/app/supervisor/agents/" + other + "/state", "{\"state\":\"OFFLINE\"}");
            assertRefused(console.next(ERRORS, null), "/app/supervisor/agents/" + other + "/state");
            assertThat(presence.status(other).state()).isEqualTo(AgentState.OFFLINE);
            assertThat(console.errors).isEmpty();
            broker.convertAndSendToUser(other, "/queue/offers", (Object) java.util.Map.of("type", "probe"));
            console.nothingOn("/user/" + other + "/queue/offers");
            broker.convertAndSend(WALLBOARD, (Object) java.util.Map.of("type", "probe"));
            broker.convertAndSend("/topic/alerts", (Object) java.util.Map.of("type", "probe"));
            console.nothingOn(WALLBOARD);
            console.nothingOn("/topic/alerts");
            // the connection was refused the subscriptions, not broken: the agent's own queue still works
            broker.convertAndSendToUser(agent, "/queue/state", (Object) java.util.Map.of("type", "probe"));
            assertThat(console.next(STATE, "probe")).isNotNull();
        }
    }

    private static void assertRefused(JsonNode problem, String destination) {
        assertThat(problem.path("status").asInt()).isEqualTo(403);
        assertThat(problem.path("type").asString()).isEqualTo("https://hotline.dev/problems/not-permitted");
        assertThat(problem.path("title").asString()).isEqualTo("Forbidden");
        assertThat(problem.path("destination").asString()).isEqualTo(destination);
        assertThat(problem.path("detail").asString()).contains(destination);
    }

    @Test
    void refusedConnectionWithoutCredentials() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StompTestClient.connect(port, "nobody-" + run, "wrong-pass"))
                .isNotNull();
    }

    /** A console of a new agent of {@code queue}, subscribed and AVAILABLE (its resume and state read). */
    StompTestClient availableConsole(String agent) throws Exception {
        fixture.queue(queue);
        fixture.agent(agent, queue);
        var console = agentConsole(agent);
        console.next(STATE, "resume");
        console.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
        console.next(STATE, "state");
        return console;
    }

    @Test
    void resumeAfterReconnectAndSecondTabGetThePendingOffer() throws Exception {
        String agent = "bob-" + run;
        long contactId;
        try (var console = availableConsole(agent)) {
            contactId = live.arrive(new NewContact(Channel.VOICE, "api", "resume-" + run, "+8613922" + digits(),
                    null, queue, null, null)).id().value();
            assertThat(console.next(OFFERS, "offer").path("contactId").asLong()).isEqualTo(contactId);
        }
        try (var again = agentConsole(agent); var secondTab = agentConsole(agent)) {
            for (var console : List.of(again, secondTab)) {
                var resume = console.next(STATE, "resume");
                assertThat(resume.path("state").asString()).isEqualTo("RESERVED");
                JsonNode pending = resume.path("pendingOffer");
                assertThat(pending.path("contactId").asLong()).isEqualTo(contactId);
                assertThat(pending.path("remainingMillis").asLong()).isBetween(1L, 15_000L);
                assertThat(pending.path("screenPop").path("newCaller").asBoolean()).isTrue();
                assertThat(resume.path("seq").asLong()).isPositive();
            }
            again.send("/app/agent/resume", "{}");
            assertThat(again.next(STATE, "resume").path("pendingOffer").path("contactId").asLong()).isEqualTo(contactId);
            secondTab.nothingOn(STATE); // a resume request answers only its own session
        }
    }

    @Test
    void aConsoleThatReconnectsIsToldOfAHoldMadeBefore() throws Exception {
        String agent = "held-" + run;
        long contactId;
        try (var console = availableConsole(agent)) {
            contactId = live.arrive(new NewContact(Channel.VOICE, "api", "held-" + run, "+8613933" + digits(),
                    null, queue, null, null)).id().value();
            console.next(OFFERS, "offer");
            console.send("/app/agent/offers/" + contactId + "/accept", "{}");   // an API call: answered on accept
            console.next(CONTACTS, "contact-assigned");
            console.send("/app/agent/contacts/" + contactId + "/hold", "{}");
            assertThat(console.next(CONTACTS, "contact-held").path("held").asBoolean()).isTrue();
        }
        try (var again = agentConsole(agent)) {
            JsonNode call = again.next(STATE, "resume").path("activeContacts").get(0);
            assertThat(call.path("contactId").asLong()).isEqualTo(contactId);
            assertThat(call.path("heldSince").asString()).isNotBlank();
            again.send("/app/agent/contacts/" + contactId + "/resume", "{}");
            assertThat(again.next(CONTACTS, "contact-held").path("held").asBoolean()).isFalse();
            again.send("/app/agent/resume", "{}");
            JsonNode resumed = again.next(STATE, "resume").path("activeContacts").get(0);
            assertThat(resumed.path("heldSince").isMissingNode() || resumed.path("heldSince").isNull()).isTrue();
            again.send("/app/agent/contacts/" + contactId + "/finish", "{\"code\":\"inquiry-answered\"}");
        }
    }

    @Test
    void badActionsYieldProblemsAndTheSessionStaysUp() throws Exception {
        fixture.queue(queue);
        String agent = "cid-" + run;
        String other = "dan-" + run;
        fixture.agent(agent, queue);
        fixture.agent(other, queue);
        presence.available(other);
        var foreign = live.arrive(new NewContact(Channel.VOICE, "api", "bad-" + run, "+8613933" + digits(),
                null, queue, null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> presence.status(other).pendingOffer() != null);
        try (var console = agentConsole(agent)) {
            console.next(STATE, "resume");

            console.send("/app/agent/offers/" + foreign.id() + "/accept", "{}");
            var notPermitted = console.next(ERRORS, null);
            assertThat(notPermitted.path("status").asInt()).isEqualTo(403);
            assertThat(notPermitted.path("code").asString()).isEqualTo("not-permitted");
            assertThat(notPermitted.path("type").asString()).isEqualTo("https://hotline.dev/problems/not-permitted");
            assertThat(notPermitted.path("title").asString()).isEqualTo("Forbidden");

            console.send("/app/agent/state", "{\"state\":");
            assertThat(console.next(ERRORS, null).path("code").asString()).isEqualTo("unreadable-body");
            console.send("/app/agent/state", "{\"state\":\"DANCING\"}");
            assertThat(console.next(ERRORS, null).path("status").asInt()).isEqualTo(400);
            console.send("/app/agent/offers/abc/accept", "{}");
            assertThat(console.next(ERRORS, null).path("code").asString()).isEqualTo("invalid-input");
            console.send("/app/agent/contacts/" + foreign.id() + "/finish", "{}");
            assertThat(console.next(ERRORS, null).path("status").asInt()).isIn(403, 409);
            // a disposition code must be one of the configured list; notes are bounded
            console.send("/app/agent/contacts/" + foreign.id() + "/finish", "{\"code\":\"made-up\",\"notes\":\"x\"}");
            var badCode = console.next(ERRORS, null);
            assertThat(badCode.path("status").asInt()).isEqualTo(400);
            assertThat(badCode.path("detail").asString()).contains("inquiry-answered");
            console.send("/app/agent/contacts/" + foreign.id() + "/finish", "{\"notes\":\"" + "x".repeat(401) + "\"}");
            assertThat(console.next(ERRORS, null).path("status").asInt()).isEqualTo(400);
            console.send("/app/agent/state", "{\"state\":\"AVAILABLE\"}");
            assertThat(console.next(STATE, "state").path("state").asString()).isEqualTo("AVAILABLE");
            console.send("/app/agent/state", "{\"state\":\"BREAK\",\"reason\":\"lunch\"}");
            assertThat(console.next(STATE, "state").path("state").asString()).isEqualTo("BREAK");
            console.send("/app/agent/state", "{\"state\":\"WRAP_UP\"}");
            assertThat(console.next(ERRORS, null).path("status").asInt()).isIn(400, 409);
            console.send("/app/agent/no-such-action", "{}");
            assertThat(console.next(ERRORS, null).path("status").asInt()).isEqualTo(404);
            console.send("/app/agent/state", "{\"state\":\"AVAILABLE\",\"reason\":\"" + "x".repeat(20_000) + "\"}");
            var tooLarge = console.next(ERRORS, null);
            assertThat(tooLarge.path("status").asInt()).isEqualTo(413);
            assertThat(tooLarge.path("code").asString()).isEqualTo("payload-too-large");

            assertThat(presence.status(agent).state()).isEqualTo(AgentState.BREAK);
            assertThat(presence.status(other).pendingOffer()).isEqualTo(foreign.id());
            assertThat(console.errors).isEmpty();
            assertThat(console.session.isConnected()).isTrue();
            console.send("/app/agent/state", "{\"state\":\"OFFLINE\"}");
            assertThat(console.next(STATE, "state").path("state").asString()).isEqualTo("OFFLINE");
        }
    }

    @Test
    void supervisorGetsWallboardAndAlertsAndSetsAnAgentsState() throws Exception {
        fixture.queue(queue);
        String agent = "fay-" + run;
        fixture.agent(agent, queue);
        String supervisor = "sup-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        try (var agentConsole = agentConsole(agent);
             var wallboard = StompTestClient.connect(port, supervisor, ConsoleFixture.PASSWORD)
                     .subscribe(ERRORS).subscribe(WALLBOARD).subscribe("/topic/alerts")) {
            agentConsole.next(STATE, "resume");
            var snapshot = wallboard.next(WALLBOARD, null);
            assertThat(snapshot.path("queues").findValuesAsString("queue")).contains(queue);

            events.publishEvent(new RingAlert(new dev.hotline.shared.ContactId(42), queue, 2, java.time.Instant.now()));
            // alerts of other tests' queues (same context) may pass by: wait for this queue's
            var alert = wallboard.next("/topic/alerts", a -> "alert".equals(a.path("type").asString())
                    && queue.equals(a.path("queue").asString()), "an alert of queue " + queue);
            assertThat(alert.path("kind").asString()).isEqualTo("ring");
            assertThat(alert.path("queue").asString()).isEqualTo(queue);
            assertThat(alert.path("ring").asInt()).isEqualTo(2);

            wallboard.send("/app/supervisor/agents/" + agent + "/state", "{\"state\":\"AVAILABLE\"}");
            assertThat(agentConsole.next(STATE, "state").path("state").asString()).isEqualTo("AVAILABLE");
            wallboard.send("/app/supervisor/agents/" + agent + "/state", "{\"state\":\"BREAK\",\"reason\":\"coaching\"}");
            var forced = agentConsole.next(STATE, "state");
            assertThat(forced.path("state").asString()).isEqualTo("BREAK");
            assertThat(forced.path("reason").asString()).isEqualTo("coaching");
            wallboard.send("/app/supervisor/agents/" + agent + "/state", "{\"state\":\"OFFLINE\"}");
            assertThat(agentConsole.next(STATE, "state").path("state").asString()).isEqualTo("OFFLINE");
            wallboard.send("/app/supervisor/agents/nobody-" + run + "/state", "{\"state\":\"OFFLINE\"}");
            assertThat(wallboard.next(ERRORS, null).path("status").asInt()).isEqualTo(404);
        }
        // the same figures over REST (supervisors only) and as Prometheus gauges
        assertThat(get("/api/wallboard", agent).statusCode()).isEqualTo(403);
        var rest = get("/api/wallboard", supervisor);
        assertThat(rest.statusCode()).isEqualTo(200);
        assertThat(rest.body()).contains("\"queue\":\"" + queue + "\"").contains("\"serviceLevelSlots\"");
        assertThat(get("/actuator/prometheus", supervisor).body())
                .contains("hotline_queue_waiting{queue=\"" + queue + "\"}")
                .contains("hotline_queue_service_level{queue=\"all\",window=\"15m\"}");
    }

    @Test
    void everyWallboardFigureIsOverRestAndAPrometheusGauge() throws Exception {
        fixture.queue(queue);
        String agent = "hal-" + run;
        fixture.agent(agent, queue);
        String supervisor = "ivy-" + run;
        fixture.user(supervisor, "SUPERVISOR");
        presence.available(agent);
        var contact = live.arrive(new NewContact(Channel.VOICE, "api", "figures-" + run, "+8613944" + digits(),
                null, queue, null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> contact.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(contact.id(), agent);
        presence.finish(contact.id(), agent, "solved");

        // the figures follow the routing events, which may still be on their way: the first snapshot that shows
        // the agent in wrap-up (a new agent within a second) must show everything else too
        var tile = await().atMost(Duration.ofSeconds(5)).until(() -> wallboardTile(supervisor),
                t -> t.path("agentsByState").path("WRAP_UP").asLong() == 1);
        assertThat(tile.path("waiting").asLong()).isZero();
        assertThat(tile.path("longestWaitSeconds").isNumber()).isTrue();
        assertThat(tile.path("longestWaitRings").isNumber()).isTrue();
        assertThat(tile.path("agentsByState").size()).isEqualTo(1);
        assertThat(tile.path("serviceLevel15m").asDouble()).isEqualTo(1.0);
        assertThat(tile.path("serviceLevelToday").asDouble()).isEqualTo(1.0);
        assertThat(tile.path("offeredToday").asLong()).isEqualTo(1);
        assertThat(tile.path("answeredToday").asLong()).isEqualTo(1);
        assertThat(tile.path("abandonedToday").asLong()).isZero();
        assertThat(tile.path("overflowedToday").asLong()).isZero();
        assertThat(tile.path("averageSpeedOfAnswerSeconds").isNumber()).isTrue();
        assertThat(tile.path("averageHandleTimeSeconds").isNumber()).isTrue();

        String q = "{queue=\"" + queue + "\"}";
        assertThat(get("/actuator/prometheus", supervisor).body())
                .contains("hotline_queue_waiting" + q + " 0.0")
                .contains("hotline_queue_longest_wait_seconds" + q + " 0.0")
                .contains("hotline_queue_longest_wait_rings" + q + " 0.0")
                .contains("hotline_queue_agents{queue=\"" + queue + "\",state=\"WRAP_UP\"} 1.0")
                .contains("hotline_queue_agents{queue=\"" + queue + "\",state=\"BUSY\"} 0.0")
                .contains("hotline_queue_service_level{queue=\"" + queue + "\",window=\"15m\"} 1.0")
                .contains("hotline_queue_service_level{queue=\"" + queue + "\",window=\"today\"} 1.0")
                .contains("hotline_queue_offered_today" + q + " 1.0")
                .contains("hotline_queue_answered_today" + q + " 1.0")
                .contains("hotline_queue_abandoned_today" + q + " 0.0")
                .contains("hotline_queue_overflowed_today" + q + " 0.0")
                .containsPattern("hotline_queue_average_speed_of_answer_seconds" + java.util.regex.Pattern.quote(q)
                        + " \\d+\\.\\d+")
                .containsPattern("hotline_queue_average_handle_time_seconds" + java.util.regex.Pattern.quote(q)
                        + " \\d+\\.\\d+")
                .contains("hotline_queue_answered_today{queue=\"all\"}")
                .contains("hotline_queue_agents{queue=\"all\",state=\"AVAILABLE\"}");
    }

    private JsonNode wallboardTile(String supervisor) throws Exception {
        return new tools.jackson.databind.json.JsonMapper().readTree(get("/api/wallboard", supervisor).body())
                .path("queues").findParents("queue").stream()
                .filter(q -> queue.equals(q.path("queue").asString())).findFirst().orElseThrow();
    }

    private java.net.http.HttpResponse<String> get(String path, String user) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((user + ":" + ConsoleFixture.PASSWORD).getBytes());
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).header("Authorization", "Basic " + auth).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private static String digits() {
        return String.format("%05d", (int) (Math.random() * 100_000));
    }
}
