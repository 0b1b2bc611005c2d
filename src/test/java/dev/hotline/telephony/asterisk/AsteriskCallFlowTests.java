package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.routing.RoutingStrategy;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Asterisk adapter at the wire: a FastAGI caller plays the dialplan's AGI() step and {@link AmiPeer} plays the
 * manager interface. Nothing inside the app is mocked.
 */
@SpringBootTest
@DirtiesContext
class AsteriskCallFlowTests {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = freePort();
    static final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000);

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        registry.add("hotline.asterisk.ami.host", () -> "127.0.0.1");
        registry.add("hotline.asterisk.ami.port", pbx::port);
        registry.add("hotline.asterisk.ami.username", () -> "hotline");
        registry.add("hotline.asterisk.ami.password", () -> "s3cret");
        registry.add("hotline.asterisk.ami.retry-interval", () -> "200ms");
        registry.add("hotline.asterisk.agi.bind-address", () -> "127.0.0.1");
        registry.add("hotline.asterisk.agi.port", () -> agiPort);
    }

    @Autowired
    ContactIntake intake;
    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    CallQualityRepository quality;
    @Autowired
    AsteriskHealthIndicator health;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final AgiCaller agi = new AgiCaller(agiPort);

    @BeforeEach
    void loggedIn() {
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().getCode().equals("UP"));
    }

    final List<Call> calls = new java.util.ArrayList<>();
    final List<String> agents = new java.util.ArrayList<>();

    /** Tests share Redis and the database: hang up every call still open, then log the agents out. */
    @AfterEach
    void hangUpAndLogOut() throws IOException {
        for (Call call : calls) {
            var open = intake.findByExternalId("asterisk", call.uniqueId).filter(c -> !c.isFinal());
            if (open.isPresent()) {
                pbx.emit("Hangup", Instant.now(), hangup(call.channel, call.uniqueId, call.uniqueId));
                await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(open.get().id()).orElseThrow().isFinal());
            }
            pbx.channelGone(call.uniqueId);
        }
        for (String agent : agents) {
            presence.changeState(agent, AgentState.OFFLINE, "test over");
        }
    }

    @AfterAll
    static void stopPeer() throws IOException {
        pbx.close();
    }

    @Test
    void acceptedCallIsRedirectedToTheAgentAndAnsweredAtThePbxTime() throws Exception {
        String queue = queue("q-" + run);
        String agent = agent("ag-" + run, queue, "1001");
        Call call = newCall();

        List<String> commands = agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId, call.channel,
                "13800138000", "4008880000", queue));

        ContactSnapshot contact = intake.findByExternalId("asterisk", call.uniqueId).orElseThrow();
        assertThat(commands).contains("SET VARIABLE \"HOTLINE_CONTACT_ID\" \"" + contact.id() + "\"");
        assertThat(commands).anyMatch(c -> c.contains("AJ_AGISTATUS") && c.contains("SUCCESS"));
        assertThat(contact.queue()).isEqualTo(queue);
        assertThat(contact.from()).isEqualTo("13800138000");

        await().atMost(Duration.ofSeconds(10)).until(() -> contact.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(contact.id(), agent);

        var redirect = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Redirect", "Channel", call.channel), r -> r.isPresent()).orElseThrow();
        assertThat(redirect).containsEntry("Context", "hotline-agents").containsEntry("Exten", "s")
                .containsEntry("Priority", "1");
        assertThat(pbx.lastAction("Setvar", "Channel", call.channel)).hasValueSatisfying(setvar ->
                assertThat(setvar).containsEntry("Variable", "HOTLINE_AGENT_DIAL").containsEntry("Value", "PJSIP/1001"));

        Instant answeredAt = contact.arrivedAt().plusMillis(12_400);   // on the third 5 s ring
        String agentLeg = call.uniqueId + "1";
        pbx.emit("DialBegin", contact.arrivedAt().plusSeconds(9), dial(call, agentLeg, null));
        pbx.emit("DialEnd", answeredAt, dial(call, agentLeg, "ANSWER"));
        String bridgeId = UUID.randomUUID().toString();
        pbx.emit("BridgeCreate", answeredAt.plusMillis(4), bridgeFields(bridgeId, 0));
        pbx.emit("BridgeEnter", answeredAt.plusMillis(5), bridge(bridgeId, call.channel, call.uniqueId, call.uniqueId));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var answered = intake.find(contact.id()).orElseThrow();
            assertThat(answered.status()).isEqualTo(ContactStatus.CONNECTED);
            assertThat(answered.agent()).isEqualTo(agent);
            assertThat(answered.answeredAt()).isEqualTo(answeredAt);
            assertThat(answered.ringsToAnswer()).isEqualTo(3);
        });

        // the agent hangs up first: a service taboo, recorded; the caller's hang-up then ends the call
        pbx.emit("Hangup", answeredAt.plusSeconds(60), hangup("PJSIP/1001-00000002", agentLeg, call.uniqueId));
        pbx.emit("Hangup", answeredAt.plusSeconds(61), hangup(call.channel, call.uniqueId, call.uniqueId));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var ended = intake.find(contact.id()).orElseThrow();
            assertThat(ended.status()).isEqualTo(ContactStatus.ENDED);
            assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(quality.findByContactId(contact.id().value())).hasValueSatisfying(q -> {
                assertThat(q.firstHangUp()).isEqualTo("AGENT");
                assertThat(q.agentHungUpFirst()).isTrue();
            });
        });
    }

    @Test
    void agentPhoneNotAnsweringGivesTheCallToTheNextAgent() throws Exception {
        String queue = queue("na-" + run);
        String first = agent("na1-" + run, queue, "1101");
        String second = agent("na2-" + run, queue, "1102");
        Call call = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId, call.channel, "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId).orElseThrow().id();
        String offered = await().atMost(Duration.ofSeconds(10)).until(() -> offeredTo(id, first, second), a -> a != null);
        String other = offered.equals(first) ? second : first;
        presence.accept(id, offered);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Redirect", "Channel", call.channel).isPresent());

        String agentLeg = call.uniqueId + "1";
        pbx.emit("DialBegin", Instant.now(), dial(call, agentLeg, null));
        pbx.emit("DialEnd", Instant.now(), dial(call, agentLeg, "NOANSWER"));

        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(other).pendingOffer()));
        assertThat(presence.status(offered).state()).isEqualTo(AgentState.BREAK);
        presence.accept(id, other);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Setvar").stream().anyMatch(a ->
                call.channel.equals(a.get("Channel")) && a.get("Value").equals(offered.equals(first) ? "PJSIP/1102" : "PJSIP/1101")));
        assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.OFFERED);
    }

    @Test
    void failedRedirectPutsTheCallBackInTheQueue() throws Exception {
        String queue = queue("rf-" + run);
        String agent = agent("rf-" + run, queue, "1201");
        Call call = newCall();
        pbx.refuseRedirectOf(call.channel);
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId, call.channel, "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));

        presence.accept(id, agent);

        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Redirect", "Channel", call.channel).isPresent());
        // not lost: waiting in the queue again for the next agent, and this agent is free for other calls
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
            assertThat(intake.history(id)).extracting(ContactHistoryView::action).contains("REQUEUED");
            assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        });
    }

    @Test
    void callerHangingUpWhileWaitingAbandonsTheContact() throws Exception {
        String queue = queue("empty-" + run);   // nobody logged in: the caller waits
        Call call = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId, call.channel, "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId).orElseThrow().id();

        pbx.emit("Hangup", Instant.now(), hangup(call.channel, call.uniqueId, call.uniqueId));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
        assertThat(quality.findByContactId(id.value())).isEmpty();
    }

    @Test
    void overflowedCallIsRedirectedToTheOnCallPhoneThroughTheTrunk() throws Exception {
        String queue = queue("of-" + run);
        Call call = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId, call.channel, "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId).orElseThrow().id();

        intake.overflowed(id, "+8613900000001", null);

        var redirect = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Redirect", "Channel", call.channel), r -> r.isPresent()).orElseThrow();
        assertThat(redirect).containsEntry("Context", "hotline-overflow").containsEntry("Exten", "s");
        assertThat(pbx.lastAction("Setvar", "Channel", call.channel)).hasValueSatisfying(setvar -> assertThat(setvar)
                .containsEntry("Variable", "HOTLINE_OVERFLOW_TARGET").containsEntry("Value", "+8613900000001"));
    }

    @Test
    void droppedAmiSessionReconnectsAndResyncsWithoutLossOrDuplicate() throws Exception {
        String queue = queue("rs-" + run);
        Call stays = newCall();
        Call leaves = newCall();
        for (Call c : List.of(stays, leaves)) {
            pbx.channelUp(c.uniqueId, c.channel);
            agi.call(AgiCaller.inboundCall(agiPort, "hotline", c.uniqueId, c.channel, "13800138000", "4008880000",
                    queue));
        }
        ContactId staying = intake.findByExternalId("asterisk", stays.uniqueId).orElseThrow().id();
        ContactId leaving = intake.findByExternalId("asterisk", leaves.uniqueId).orElseThrow().id();
        int loginsBefore = pbx.actions("Login").size();

        // the session dies; meanwhile one caller hangs up and nobody hears the Hangup event
        pbx.channelGone(leaves.uniqueId);
        pbx.dropSession();

        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.actions("Login").size() > loginsBefore
                && health.health().getStatus().getCode().equals("UP"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(leaving).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
        assertThat(intake.find(staying).orElseThrow().isFinal()).isFalse();

        // an AGI retry of the same call after the reconnect is the same contact
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", stays.uniqueId, stays.channel, "13800138000",
                "4008880000", queue));
        assertThat(intake.findByExternalId("asterisk", stays.uniqueId).orElseThrow().id()).isEqualTo(staying);

        // still tracked after the reconnect: its hang-up is heard, once
        pbx.emit("Hangup", Instant.now(), hangup(stays.channel, stays.uniqueId, stays.uniqueId));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(staying).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
        assertThat(intake.history(staying)).extracting(ContactHistoryView::action)
                .containsOnlyOnce("ARRIVED", "ABANDONED");
        pbx.channelGone(stays.uniqueId);
    }

    @Test
    void agiRequestWithGarbageVariablesRegistersNoContact() throws Exception {
        var env = AgiCaller.inboundCall(agiPort, "hotline", "not-a-uniqueid", "", "13800138000", "4008880000");
        env.remove("agi_linkedid");

        List<String> commands = agi.call(env);

        assertThat(commands).noneMatch(c -> c.contains("HOTLINE_CONTACT_ID"));
        assertThat(commands).anyMatch(c -> c.contains("AJ_AGISTATUS") && c.contains("FAILED"));
        assertThat(intake.findByExternalId("asterisk", "not-a-uniqueid")).isEmpty();
    }

    @Test
    void agiRequestForAnotherScriptIsNotFound() throws Exception {
        Call call = newCall();
        List<String> commands = agi.call(AgiCaller.inboundCall(agiPort, "billing", call.uniqueId, call.channel,
                "13800138000", "4008880000"));

        assertThat(commands).anyMatch(c -> c.contains("AJ_AGISTATUS") && c.contains("NOT_FOUND"));
        assertThat(intake.findByExternalId("asterisk", call.uniqueId)).isEmpty();
    }

    // --- the PBX's vocabulary

    record Call(String uniqueId, String channel) {
    }

    private Call newCall() {
        long n = sequence.incrementAndGet();
        var call = new Call(Instant.now().getEpochSecond() + "." + n, "PJSIP/trunk-" + run + "-" + n);
        calls.add(call);
        return call;
    }

    private static Map<String, String> channelFields(String channel, String uniqueId, String linkedId, String state) {
        var f = new LinkedHashMap<String, String>();
        f.put("Channel", channel);
        f.put("ChannelState", "Up".equals(state) ? "6" : "4");
        f.put("ChannelStateDesc", state);
        f.put("CallerIDNum", "13800138000");
        f.put("CallerIDName", "<unknown>");
        f.put("ConnectedLineNum", "<unknown>");
        f.put("ConnectedLineName", "<unknown>");
        f.put("Language", "en");
        f.put("AccountCode", "");
        f.put("Context", "hotline-agents");
        f.put("Exten", "s");
        f.put("Priority", "2");
        f.put("Uniqueid", uniqueId);
        f.put("Linkedid", linkedId);
        return f;
    }

    private static Map<String, String> dial(Call call, String agentLeg, String status) {
        var f = channelFields(call.channel, call.uniqueId, call.uniqueId, "Ring");
        f.put("DestChannel", "PJSIP/1001-00000002");
        f.put("DestChannelState", status == null ? "5" : "6");
        f.put("DestChannelStateDesc", status == null ? "Ringing" : "Up");
        f.put("DestCallerIDNum", "1001");
        f.put("DestCallerIDName", "<unknown>");
        f.put("DestConnectedLineNum", "13800138000");
        f.put("DestConnectedLineName", "<unknown>");
        f.put("DestLanguage", "en");
        f.put("DestAccountCode", "");
        f.put("DestContext", "hotline-agents");
        f.put("DestExten", "s");
        f.put("DestPriority", "1");
        f.put("DestUniqueid", agentLeg);
        f.put("DestLinkedid", call.uniqueId);
        if (status == null) {
            f.put("DialString", "1001");
        } else {
            f.put("DialStatus", status);
        }
        return f;
    }

    private static Map<String, String> bridgeFields(String bridgeId, int channels) {
        var f = new LinkedHashMap<String, String>();
        f.put("BridgeUniqueid", bridgeId);
        f.put("BridgeType", "basic");
        f.put("BridgeTechnology", "simple_bridge");
        f.put("BridgeCreator", "<unknown>");
        f.put("BridgeName", "<unknown>");
        f.put("BridgeNumChannels", Integer.toString(channels));
        f.put("BridgeVideoSourceMode", "none");
        return f;
    }

    private static Map<String, String> bridge(String bridgeId, String channel, String uniqueId, String linkedId) {
        var f = bridgeFields(bridgeId, 1);
        f.putAll(channelFields(channel, uniqueId, linkedId, "Up"));
        return f;
    }

    private static Map<String, String> hangup(String channel, String uniqueId, String linkedId) {
        var f = channelFields(channel, uniqueId, linkedId, "Up");
        f.put("Cause", "16");
        f.put("Cause-txt", "Normal Clearing");
        return f;
    }

    private String offeredTo(ContactId id, String... agents) {
        for (String a : agents) {
            if (id.equals(presence.status(a).pendingOffer())) {
                return a;
            }
        }
        return null;
    }

    private String queue(String name) {
        administration.saveQueue(new QueueSettings(name, Map.of(name, 1), RoutingStrategy.LONGEST_IDLE,
                Duration.ofSeconds(60), Duration.ofSeconds(5), 20, 21, 22, ZoneId.of("Asia/Shanghai"), List.of()));
        return name;
    }

    private String agent(String name, String queue, String extension) {
        administration.saveAgent(new AgentProfile(name, name, Map.of(queue, 3), extension, null, null, 1, 3, 0));
        presence.login(name);
        agents.add(name);
        return name;
    }

    private static AmiPeer startPeer() {
        try {
            return new AmiPeer("hotline", "s3cret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (var s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
