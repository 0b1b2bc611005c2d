package dev.hotline.telephony.asterisk;

import dev.hotline.shared.infra.FreePort;
import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.routing.RoutingStrategy;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * What the wire-level Asterisk tests share: the app's AMI/AGI settings for an {@link AmiPeer}, queues and agents to
 * route to, calls, the AMI events of the PBX's vocabulary, and hanging up what a test left open.
 */
abstract class AsteriskWireTestSupport {

    static final AtomicLong sequence = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    ContactIntake intake;
    @Autowired
    dev.hotline.routing.ContactRouting routing;
    @Autowired
    AgentPresence presence;
    @Autowired
    RoutingAdministration administration;
    @Autowired
    CallQualityRepository quality;
    @Autowired
    AsteriskHealthIndicator health;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final List<Call> calls = new ArrayList<>();
    final List<String> agents = new ArrayList<>();

    abstract AmiPeer pbx();

    static void asterisk(DynamicPropertyRegistry registry, AmiPeer pbx, int agiPort) {
        registry.add("hotline.asterisk.ami.host", () -> "127.0.0.1");
        registry.add("hotline.asterisk.ami.port", pbx::port);
        registry.add("hotline.asterisk.ami.username", () -> "hotline");
        registry.add("hotline.asterisk.ami.password", () -> "s3cret");
        registry.add("hotline.asterisk.ami.retry-interval", () -> "200ms");
        registry.add("hotline.asterisk.agi.bind-address", () -> "127.0.0.1");
        registry.add("hotline.asterisk.agi.port", () -> agiPort);
    }

    @BeforeEach
    void loggedIn() {
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().getCode().equals("UP"));
    }

    /** Tests share Redis and the database: hang up every call still open, then log the agents out. */
    @AfterEach
    void hangUpAndLogOut() throws IOException {
        for (Call call : calls) {
            var open = intake.findByExternalId("asterisk", call.uniqueId()).filter(c -> !c.isFinal());
            if (open.isPresent()) {
                pbx().emit("Hangup", Instant.now(), hangup(call.channel(), call.uniqueId(), call.uniqueId()));
                await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(open.get().id()).orElseThrow().isFinal());
            }
            pbx().channelGone(call.uniqueId());
        }
        for (String agent : agents) {
            presence.changeState(agent, AgentState.OFFLINE, "test over");
        }
    }

    // --- the PBX's vocabulary

    record Call(String uniqueId, String channel) {
    }

    Call newCall() {
        long n = sequence.incrementAndGet();
        var call = new Call(Instant.now().getEpochSecond() + "." + n, "PJSIP/trunk-" + run + "-" + n);
        calls.add(call);
        return call;
    }

    static Map<String, String> channelFields(String channel, String uniqueId, String linkedId, String state) {
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

    static Map<String, String> dial(Call call, String agentLeg, String status) {
        var f = channelFields(call.channel(), call.uniqueId(), call.uniqueId(), "Ring");
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
        f.put("DestLinkedid", call.uniqueId());
        if (status == null) {
            f.put("DialString", "1001");
        } else {
            f.put("DialStatus", status);
        }
        return f;
    }

    static Map<String, String> bridgeFields(String bridgeId, int channels) {
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

    static Map<String, String> bridge(String bridgeId, String channel, String uniqueId, String linkedId) {
        var f = bridgeFields(bridgeId, 1);
        f.putAll(channelFields(channel, uniqueId, linkedId, "Up"));
        return f;
    }

    /** ChannelTalkingStart, or ChannelTalkingStop with how long the leg talked (TALK_DETECT, Asterisk 20/22). */
    static Map<String, String> talking(String channel, String uniqueId, String linkedId, Long talkedMillis) {
        var f = channelFields(channel, uniqueId, linkedId, "Up");
        if (talkedMillis != null) {
            f.put("Duration", Long.toString(talkedMillis));
        }
        return f;
    }

    static Map<String, String> hangup(String channel, String uniqueId, String linkedId) {
        var f = channelFields(channel, uniqueId, linkedId, "Up");
        f.put("Cause", "16");
        f.put("Cause-txt", "Normal Clearing");
        return f;
    }

    static final String AGENT_CHANNEL = "PJSIP/1001-00000002";

    static String bridgeOf(Call call) {
        return "bridge-" + call.uniqueId();
    }

    /** HangupRequest (the channel's far end hung up) or SoftHangupRequest (the dialplan or a module hangs it up). */
    static Map<String, String> hangupRequest(String channel, String uniqueId, String linkedId) {
        var f = channelFields(channel, uniqueId, linkedId, "Up");
        f.put("Cause", "16");
        return f;
    }

    static Map<String, String> bridgeLeave(Call call, String channel, String uniqueId, int left) {
        var f = bridgeFields(bridgeOf(call), left);
        f.putAll(channelFields(channel, uniqueId, call.uniqueId(), "Up"));
        return f;
    }

    /**
     * The caller hangs up a bridged call, as Asterisk 22 reports it: the caller's HangupRequest, both legs leave the
     * bridge, Dial hangs up the agent's leg (its Hangup) and only then does the caller's channel finish (its Hangup).
     */
    void callerHangsUp(Call call, String leg, Instant at) throws IOException {
        pbx().emit("HangupRequest", at, hangupRequest(call.channel(), call.uniqueId(), call.uniqueId()));
        pbx().emit("BridgeLeave", at.plusMillis(1), bridgeLeave(call, call.channel(), call.uniqueId(), 1));
        pbx().emit("BridgeLeave", at.plusMillis(2), bridgeLeave(call, AGENT_CHANNEL, leg, 0));
        pbx().emit("BridgeDestroy", at.plusMillis(2), bridgeFields(bridgeOf(call), 0));
        pbx().emit("Hangup", at.plusMillis(3), hangup(AGENT_CHANNEL, leg, call.uniqueId()));
        pbx().emit("Hangup", at.plusMillis(6), hangup(call.channel(), call.uniqueId(), call.uniqueId()));
    }

    /**
     * The agent hangs up: the agent leg's HangupRequest, both leave the bridge, the agent's Hangup; the caller's
     * channel goes on in [hotline-agents] to Hangup(), whose SoftHangupRequest precedes the caller's Hangup.
     */
    void agentHangsUp(Call call, String leg, Instant at) throws IOException {
        pbx().emit("HangupRequest", at, hangupRequest(AGENT_CHANNEL, leg, call.uniqueId()));
        pbx().emit("BridgeLeave", at.plusMillis(1), bridgeLeave(call, AGENT_CHANNEL, leg, 1));
        pbx().emit("BridgeLeave", at.plusMillis(2), bridgeLeave(call, call.channel(), call.uniqueId(), 0));
        pbx().emit("BridgeDestroy", at.plusMillis(2), bridgeFields(bridgeOf(call), 0));
        pbx().emit("Hangup", at.plusMillis(3), hangup(AGENT_CHANNEL, leg, call.uniqueId()));
        pbx().emit("SoftHangupRequest", at.plusMillis(4), hangupRequest(call.channel(), call.uniqueId(), call.uniqueId()));
        pbx().emit("Hangup", at.plusMillis(6), hangup(call.channel(), call.uniqueId(), call.uniqueId()));
    }

    static String agentLeg(Call call) {
        return call.uniqueId() + "1";
    }

    /** The agent accepts the offer; once the caller is redirected, the agent's phone answers at {@code at}. */
    void acceptAndAnswer(Call call, ContactId id, String agent, Instant at) throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));
        presence.accept(id, agent);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx().lastAction("Redirect", "Channel", call.channel()).isPresent());
        pbx().emit("DialBegin", at.minusSeconds(3), dial(call, agentLeg(call), null));
        pbx().emit("DialEnd", at, dial(call, agentLeg(call), "ANSWER"));
        pbx().emit("BridgeCreate", at.plusMillis(4), bridgeFields(bridgeOf(call), 0));
        pbx().emit("BridgeEnter", at.plusMillis(5), bridge(bridgeOf(call), call.channel(), call.uniqueId(), call.uniqueId()));
        var agentEnters = bridge(bridgeOf(call), AGENT_CHANNEL, agentLeg(call), call.uniqueId());
        agentEnters.put("BridgeNumChannels", "2");
        pbx().emit("BridgeEnter", at.plusMillis(6), agentEnters);
        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().answeredAt() != null);
    }

    String offeredTo(ContactId id, String... agents) {
        for (String a : agents) {
            if (id.equals(presence.status(a).pendingOffer())) {
                return a;
            }
        }
        return null;
    }

    String queue(String name) {
        administration.saveQueue(new QueueSettings(name, Map.of(name, 1), RoutingStrategy.LONGEST_IDLE,
                Duration.ofSeconds(60), Duration.ofSeconds(5), 20, 21, 22, ZoneId.of("Asia/Shanghai"), List.of()));
        return name;
    }

    String agent(String name, String queue, String extension) {
        administration.saveAgent(new AgentProfile(name, name, Map.of(queue, 3), extension, null, null, 1, 3, 0));
        presence.login(name);
        agents.add(name);
        return name;
    }

    static AmiPeer startPeer() {
        try {
            return new AmiPeer("hotline", "s3cret");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
