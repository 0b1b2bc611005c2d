package dev.hotline.telephony.asterisk;

import dev.hotline.shared.infra.FreePort;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app nodes on one PBX and one database: this context is one node; {@link OtherNode} is the other, built from the
 * same classes with its own memory, its own AMI session and its own FastAGI port. The other node takes the AGI
 * request; this one connects the call and, like the other, hears every AMI event.
 */
@SpringBootTest
@DirtiesContext
class AsteriskMultiNodeTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    @Autowired
    AsteriskProperties properties;
    @Autowired
    HandBack handBack;
    @Autowired
    CallQualityRecorder recorder;
    @Autowired
    LiveCalls thisNodesCalls;
    @Autowired
    SilencePeriodRepository silences;

    OtherNode other;

    @Override
    AmiPeer pbx() {
        return pbx;
    }

    @BeforeEach
    void otherNodeUp() {
        other = new OtherNode(properties, FreePort.find(), intake, routing, handBack, recorder);
        await().atMost(Duration.ofSeconds(20)).until(() -> other.loggedIn() && pbx.sessionCount() == 2);
    }

    @AfterEach
    void otherNodeDown() {
        other.close();
    }

    @AfterAll
    static void stopPeer() throws IOException {
        pbx.close();
    }

    @Test
    void callTakenByOneNodeIsConnectedAnsweredAndMeasuredOnceByBoth() throws Exception {
        String queue = queue("mn-" + run);
        String agent = agent("mn-" + run, queue, "1001");
        Call call = newCall();
        pbx.channelUp(call.uniqueId(), call.channel());
        new AgiCaller(other.agiPort(), pbx).call(AgiCaller.inboundCall(other.agiPort(), "hotline", call.uniqueId(),
                call.channel(), "13800138000", "4008880000", queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        assertThat(thisNodesCalls.byContact(id)).isEmpty();
        assertThat(other.calls().byContact(id)).isPresent();

        // accepted on this node, which never saw the AGI request: it finds the caller's channel on the PBX
        Instant t = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        acceptAndAnswer(call, id, agent, t);
        assertThat(pbx.lastAction("Setvar", "Variable", CallDirectory.AGENT_VARIABLE)).hasValueSatisfying(v ->
                assertThat(v).containsEntry("Channel", call.channel()).containsEntry("Value", agent));

        String leg = agentLeg(call);
        pbx.emit("ChannelTalkingStart", t.plusSeconds(1), talking(AGENT_CHANNEL, leg, call.uniqueId(), null));
        pbx.emit("ChannelTalkingStop", t.plusMillis(5_500), talking(AGENT_CHANNEL, leg, call.uniqueId(), 2_000L));
        pbx.emit("ChannelTalkingStart", t.plusSeconds(10), talking(call.channel(), call.uniqueId(), call.uniqueId(), null));
        callerHangsUp(call, leg, t.plusSeconds(20));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var ended = intake.find(id).orElseThrow();
            assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(ended.answeredAt()).isEqualTo(t);
            assertThat(quality.findByContactId(id.value())).hasValueSatisfying(q -> {
                assertThat(q.firstHangUp()).isEqualTo("CUSTOMER");
                assertThat(q.silences()).isEqualTo(1);
                assertThat(q.longestSilenceMillis()).isEqualTo(7_000);
            });
        });
        // both nodes heard everything; each transition and the silence are stored once
        Thread.sleep(500);
        assertThat(silences.findByContactIdOrderByStartedAtAsc(id.value())).singleElement()
                .satisfies(s -> assertThat(s.startedAt()).isEqualTo(t.plusSeconds(3)));
        assertThat(intake.history(id)).extracting(ContactHistoryView::toStatus)
                .containsOnlyOnce(ContactStatus.CONNECTED, ContactStatus.ENDED);
    }

    @Test
    void theNodeThatTookTheCallIsGoneAndAnotherRecordsTheAbandon() throws Exception {
        String queue = queue("gone-" + run);   // nobody logged in: the caller waits
        Call call = newCall();
        new AgiCaller(other.agiPort(), pbx).call(AgiCaller.inboundCall(other.agiPort(), "hotline", call.uniqueId(),
                call.channel(), "13800138000", "4008880000", queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        other.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.sessionCount() == 1);
        assertThat(thisNodesCalls.byContact(id)).isEmpty();

        pbx.emit("Hangup", Instant.now(), hangup(call.channel(), call.uniqueId(), call.uniqueId()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
    }

    /**
     * The AMI connection cut (the fault suite's ami-cut): an accept on the node that did not take the AGI request cannot
     * look up the caller's channel on the PBX. The call is given back to routing, not left with the agent while the
     * caller hears ringback; once the AMI is back the next accept connects it.
     */
    @Test
    void aCallAcceptedWhileTheAmiIsCutIsGivenBackAndConnectedOnceTheAmiIsBack() throws Exception {
        String queue = queue("cut-" + run);
        String agent = agent("cut-" + run, queue, "1001");
        Call call = newCall();
        pbx.channelUp(call.uniqueId(), call.channel());
        new AgiCaller(other.agiPort(), pbx).call(AgiCaller.inboundCall(other.agiPort(), "hotline", call.uniqueId(),
                call.channel(), "13800138000", "4008880000", queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));

        pbx.down = true;
        pbx.dropSession();
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.sessionCount() == 0);
        presence.accept(id, agent);
        await().atMost(Duration.ofSeconds(10)).until(() -> !presence.status(agent).activeContacts().contains(id));
        assertThat(pbx.lastAction("Redirect", "Channel", call.channel())).isEmpty();
        assertThat(intake.history(id)).extracting(ContactHistoryView::toStatus).doesNotContain(ContactStatus.ENDED);

        pbx.down = false;
        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.sessionCount() == 2);
        acceptAndAnswer(call, id, agent, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        callerHangsUp(call, agentLeg(call), Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED));
    }
}
