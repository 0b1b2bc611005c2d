package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.infra.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hold, resume and blind transfer through the Asterisk adapter at the wire: {@link AmiPeer} answers Redirect, Bridge
 * and Hangup as Asterisk 22 does and the test emits the events the PBX publishes for them.
 */
@SpringBootTest
@DirtiesContext
class AsteriskTransferHoldTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    final AgiCaller agi = new AgiCaller(agiPort, pbx);

    @Override
    AmiPeer pbx() {
        return pbx;
    }

    @AfterAll
    static void stopPeer() throws IOException {
        pbx.close();
    }

    @Test
    void holdMovesBothLegsToMusicOnHoldAndResumeBridgesThemAgain() throws Exception {
        String queue = queue("hold-" + run);
        String agent = agent("hold-" + run, queue, "1401");
        Call call = newCall();
        ContactId id = arrives(call, queue);
        acceptAndAnswer(call, id, agent, Instant.now());

        routing.hold(id, agent, true);

        var redirect = await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Redirect").stream()
                .filter(a -> call.channel().equals(a.get("Channel")) && "hotline-hold".equals(a.get("Context")))
                .findFirst(), r -> r.isPresent()).orElseThrow();
        assertThat(redirect).containsEntry("Exten", "s").containsEntry("Priority", "1")
                .containsEntry("ExtraChannel", AGENT_CHANNEL).containsEntry("ExtraContext", "hotline-hold")
                .containsEntry("ExtraExten", "agent").containsEntry("ExtraPriority", "1");

        routing.hold(id, agent, false);

        var bridge = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Bridge", "Channel1", call.channel()), b -> b.isPresent()).orElseThrow();
        assertThat(bridge).containsEntry("Channel2", AGENT_CHANNEL);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(intake.history(id))
                .extracting(ContactHistoryView::action).containsSubsequence("HELD", "RESUMED"));
        assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.CONNECTED);
    }

    @Test
    void aHoldThePbxRefusesIsUndoneInRouting() throws Exception {
        String queue = queue("nohold-" + run);
        String agent = agent("nohold-" + run, queue, "1402");
        Call call = newCall();
        ContactId id = arrives(call, queue);
        acceptAndAnswer(call, id, agent, Instant.now());
        pbx.refuseRedirectOf(call.channel(), "Redirect failed");

        routing.hold(id, agent, true);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(intake.history(id))
                .extracting(ContactHistoryView::action).containsSubsequence("HELD", "RESUMED"));
        assertThat(pbx.lastAction("Bridge", "Channel1", call.channel())).isEmpty();   // it never left the agent
        routing.hold(id, agent, true);   // not held any more: may be held again
    }

    @Test
    void aBlindTransferSendsTheCallerToMusicAndConnectsTheNextAgentOfTheTargetQueue() throws Exception {
        String from = queue("tfrom-" + run);
        String to = queue("tto-" + run);
        String first = agent("tfirst-" + run, from, "1403");
        String second = agent("tsecond-" + run, to, "1404");
        Call call = newCall();
        ContactId id = arrives(call, from);
        Instant answered = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);   // the PBX sends microseconds
        acceptAndAnswer(call, id, first, answered);

        routing.transfer(id, first, to, null);

        var redirect = await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Redirect").stream()
                .filter(a -> call.channel().equals(a.get("Channel")) && "hotline-transferred".equals(a.get("Context")))
                .findFirst(), r -> r.isPresent()).orElseThrow();
        assertThat(redirect).containsEntry("Exten", "s").doesNotContainKey("ExtraChannel");
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Hangup", "Channel", AGENT_CHANNEL).isPresent());
        // Asterisk hangs up the old agent leg: the agent did not "hang up first", it handed the call on
        pbx.emit("Hangup", Instant.now(), hangup(AGENT_CHANNEL, agentLeg(call), call.uniqueId()));
        assertThat(presence.status(first).state()).isEqualTo(AgentState.WRAP_UP);

        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(second).pendingOffer()));
        presence.accept(id, second);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Setvar").stream().anyMatch(a ->
                call.channel().equals(a.get("Channel")) && "PJSIP/1404".equals(a.get("Value"))));
        String secondLeg = call.uniqueId() + "2";
        Instant again = Instant.now();
        pbx.emit("DialBegin", again.minusSeconds(2), secondLeg(call, secondLeg, null));
        pbx.emit("DialEnd", again, secondLeg(call, secondLeg, "ANSWER"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var c = intake.find(id).orElseThrow();
            assertThat(c.status()).isEqualTo(ContactStatus.CONNECTED);
            assertThat(c.agent()).isEqualTo(second);
            assertThat(c.queue()).isEqualTo(to);
        });

        callerHangsUp(call, secondLeg, Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var c = intake.find(id).orElseThrow();
            assertThat(c.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(c.agent()).isEqualTo(second);
            assertThat(c.answeredAt()).isEqualTo(answered);   // answered once, by the first agent
            assertThat(quality.findByContactId(id.value())).hasValueSatisfying(q ->
                    assertThat(q.firstHangUp()).isEqualTo("CUSTOMER"));
        });
    }

    @Test
    void aNamedAgentWhosePhoneIsBusyLeavesTheCallWaitingInItsQueue() throws Exception {
        var t = handedToANamedAgent("busy", "1405", "1406");
        Call call = t.call();
        ContactId id = t.id();
        String target = t.target();
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Hangup", "Channel", AGENT_CHANNEL).isPresent());
        pbx.emit("Hangup", Instant.now(), hangup(AGENT_CHANNEL, agentLeg(call), call.uniqueId()));
        presence.accept(id, target);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Setvar").stream().anyMatch(a ->
                call.channel().equals(a.get("Channel")) && "PJSIP/1406".equals(a.get("Value"))));
        String targetLeg = call.uniqueId() + "3";
        pbx.emit("DialBegin", Instant.now(), secondLeg(call, targetLeg, null));
        pbx.emit("DialEnd", Instant.now(), secondLeg(call, targetLeg, "BUSY"));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
            assertThat(presence.status(target).state()).isEqualTo(AgentState.BREAK);
        });
        // the first agent is not offered it back before anyone else: it is in wrap-up, the call waits in its queue
        assertThat(routing.status(id)).isEqualTo(dev.hotline.routing.RoutingStatus.WAITING);
    }

    @Test
    void theCallerHangingUpMidTransferEndsTheContactAndFreesBothAgents() throws Exception {
        var t = handedToANamedAgent("gone", "1407", "1408");
        Call call = t.call();
        ContactId id = t.id();
        String first = t.first();
        String target = t.target();
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(target).pendingOffer()));
        pbx.emit("Hangup", Instant.now(), hangup(call.channel(), call.uniqueId(), call.uniqueId()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var c = intake.find(id).orElseThrow();
            assertThat(c.status()).isEqualTo(ContactStatus.ENDED);
            assertThat(c.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(presence.status(target).pendingOffer()).isNull();
            assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
            assertThat(presence.status(first).activeContacts()).isEmpty();
        });
    }

    record Handed(Call call, ContactId id, String first, String target) {
    }

    /** A call answered by a first agent, who transfers it to a free agent of another queue (named transfer). */
    private Handed handedToANamedAgent(String name, String firstExtension, String targetExtension) throws Exception {
        String queue = queue("t" + name + "-" + run);
        String first = agent(name + "-first-" + run, queue, firstExtension);
        String target = agent(name + "-target-" + run, "other-" + name + "-" + run, targetExtension);
        Call call = newCall();
        ContactId id = arrives(call, queue);
        acceptAndAnswer(call, id, first, Instant.now());
        routing.transfer(id, first, null, target);
        return new Handed(call, id, first, target);
    }

    private ContactId arrives(Call call, String queue) throws Exception {
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000",
                "4008880000", queue));
        return intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
    }

    /** The next agent's leg: its own channel. */
    private static Map<String, String> secondLeg(Call call, String leg, String status) {
        var f = dial(call, leg, status);
        f.put("DestChannel", "PJSIP/14xx-" + leg);
        return f;
    }
}
