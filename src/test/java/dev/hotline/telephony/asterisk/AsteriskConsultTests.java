package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.CallConsultation;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.infra.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consultative transfer through the Asterisk adapter at the wire: {@link AmiPeer} answers Redirect, Originate, Bridge
 * and Hangup as Asterisk 22 does (Originate: "successfully queued", then the OriginateResponse once the target's
 * phone answered or gave up), and the test emits the Hangup the PBX publishes for the target's leg, which carries
 * HOTLINE_CONSULT_ID and HOTLINE_CONSULT_AGENT as manager.conf channelvars reports them.
 */
@SpringBootTest
@DirtiesContext
class AsteriskConsultTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE,
                AsteriskConsultation.CONSULT_VARIABLE, AsteriskConsultation.TARGET_VARIABLE);
        pbx.rememberOriginatedBy(AsteriskConsultation.CONSULT_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    @Autowired
    CallConsultation consultation;

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
    void aCompletedConsultBridgesTheCallerWithTheTargetsLegAndHangsUpTheFirstAgentsLeg() throws Exception {
        var c = consulting("done", "1501", "1502");
        int before = pbx.allActions().size();

        var originate = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Originate", "Channel", "PJSIP/1502"), o -> o.isPresent()).orElseThrow();
        assertThat(originate).containsEntry("Context", "hotline-consult").containsEntry("Exten", "s")
                .containsEntry("Async", "true");
        assertThat(originate.get("Variable")).contains("HOTLINE_CONSULT_ID=" + c.id().value(),
                "HOTLINE_CONSULT_AGENT=" + c.target(), "HOTLINE_CONSULT_WITH=" + AGENT_CHANNEL);
        String[] leg = consultLeg(c.id());

        consultation.complete(c.id(), c.first());

        var bridge = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Bridge", "Channel2", leg[0]), b -> b.isPresent()).orElseThrow();
        assertThat(bridge).containsEntry("Channel1", c.call().channel());
        await().atMost(Duration.ofSeconds(10)).until(() -> agentLegHungUpSince(before));
        // the first agent's leg hangs up: not an "agent hung up first", the call is the target's now
        pbx.emit("Hangup", Instant.now(), hangup(AGENT_CHANNEL, agentLeg(c.call()), c.call().uniqueId()));
        assertThat(presence.status(c.first()).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(presence.status(c.target()).activeContacts()).containsExactly(c.id());

        callerHangsUp(c.call(), leg[1], Instant.now());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var contact = intake.find(c.id()).orElseThrow();
            assertThat(contact.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(contact.agent()).isEqualTo(c.target());
            assertThat(quality.findByContactId(c.id().value())).hasValueSatisfying(q ->
                    assertThat(q.firstHangUp()).isEqualTo("CUSTOMER"));
            assertThat(intake.history(c.id())).filteredOn(h -> "CONSULTED".equals(h.action()))
                    .extracting(ContactHistoryView::detail).last().isEqualTo("completed: from " + c.first());
        });
        assertThat(presence.status(c.target()).state()).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void aReturnedConsultHangsUpTheTargetsLegBeforeBridgingTheCallerBackToTheFirstAgent() throws Exception {
        var c = consulting("back", "1503", "1504");
        String[] leg = consultLeg(c.id());
        int before = pbx.allActions().size();

        consultation.returnToCaller(c.id(), c.first());

        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Bridge", "Channel1", c.call().channel()).isPresent());
        var all = pbx.allActions();
        var order = all.subList(before, all.size()).stream().filter(a -> leg[0].equals(a.get("Channel"))
                || c.call().channel().equals(a.get("Channel1"))).map(a -> a.get("Action").toLowerCase()).toList();
        assertThat(order).containsExactly("hangup", "bridge");
        assertThat(pbx.lastAction("Bridge", "Channel1", c.call().channel()).orElseThrow())
                .containsEntry("Channel2", AGENT_CHANNEL);
        // Asterisk reports the Hangup it was asked for: the consult is over already, nothing else changes
        pbx.emit("Hangup", Instant.now(), hangup(leg[0], leg[1], leg[1]));
        assertThat(presence.status(c.target()).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(c.first()).activeContacts()).containsExactly(c.id());
        assertThat(routing.heldSince(c.id())).isNull();
        assertThat(agentLegHungUpSince(before)).isFalse();
    }

    @Test
    void aBusyTargetPhoneEndsTheConsultAndLeavesTheCallerOnHoldWithTheFirstAgent() throws Exception {
        pbx.originateEndsWith("PJSIP/1506", 5);
        var c = consulting("busy", "1505", "1506");

        await().atMost(Duration.ofSeconds(10)).until(() -> consultation.current(c.id()).isEmpty());
        assertThat(presence.status(c.target()).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(routing.heldSince(c.id())).isNotNull();
        assertThat(presence.status(c.first()).activeContacts()).containsExactly(c.id());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(intake.history(c.id()))
                .extracting(ContactHistoryView::detail).contains("failed: " + c.target() + " target-phone-busy"));
        assertThat(pbx.lastAction("Bridge", "Channel1", c.call().channel())).isEmpty();
        routing.hold(c.id(), c.first(), false);
    }

    @Test
    void theTargetHangingUpDuringTheConsultGivesTheCallBackToTheFirstAgentStillOnHold() throws Exception {
        var c = consulting("drop", "1507", "1508");
        String[] leg = consultLeg(c.id());
        int before = pbx.allActions().size();

        pbx.emit("SoftHangupRequest", Instant.now(), hangupRequest(leg[0], leg[1], leg[1]));
        pbx.emit("Hangup", Instant.now(), hangup(leg[0], leg[1], leg[1]));

        await().atMost(Duration.ofSeconds(10)).until(() -> consultation.current(c.id()).isEmpty());
        assertThat(presence.status(c.target()).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(routing.heldSince(c.id())).isNotNull();
        assertThat(agentLegHungUpSince(before)).isFalse();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(intake.history(c.id()))
                .extracting(ContactHistoryView::detail).contains("failed: " + c.target() + " target-hung-up"));
        routing.hold(c.id(), c.first(), false);
    }

    @Test
    void theCallerHangingUpDuringTheConsultHangsUpBothAgentsLegsAndEndsTheContactOnce() throws Exception {
        var c = consulting("gone", "1509", "1510");
        String[] leg = consultLeg(c.id());
        int before = pbx.allActions().size();

        pbx.emit("Hangup", Instant.now(), hangup(c.call().channel(), c.call().uniqueId(), c.call().uniqueId()));

        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Hangup", "Channel", leg[0]).isPresent()
                && agentLegHungUpSince(before));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var contact = intake.find(c.id()).orElseThrow();
            assertThat(contact.status()).isEqualTo(ContactStatus.ENDED);
            assertThat(contact.outcome()).isEqualTo(ContactOutcome.ANSWERED);
            assertThat(intake.history(c.id())).filteredOn(h -> h.toStatus() == ContactStatus.ENDED).hasSize(1);
        });
        assertThat(presence.status(c.target()).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(c.first()).state()).isEqualTo(AgentState.WRAP_UP);
    }

    record Consulting(Call call, ContactId id, String first, String target) {
    }

    /** A call answered by a first agent, who consults a free agent of another queue; the target accepts. */
    private Consulting consulting(String name, String firstExtension, String targetExtension) throws Exception {
        String queue = queue("c" + name + "-" + run);
        String first = agent(name + "-first-" + run, queue, firstExtension);
        String target = agent(name + "-target-" + run, queue("o" + name + "-" + run), targetExtension);
        Call call = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000",
                "4008880000", queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        acceptAndAnswer(call, id, first, Instant.now());
        consultation.consult(id, first, null, target);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Redirect").stream()
                .anyMatch(a -> call.channel().equals(a.get("Channel")) && "hotline-hold".equals(a.get("Context"))));
        consultation.accept(id, target);
        return new Consulting(call, id, first, target);
    }

    /** Every test's agent leg has the same channel name: only the actions since {@code from} count. */
    private static boolean agentLegHungUpSince(int from) {
        var all = pbx.allActions();
        return all.subList(from, all.size()).stream().anyMatch(a ->
                "Hangup".equalsIgnoreCase(a.get("Action")) && AGENT_CHANNEL.equals(a.get("Channel")));
    }

    /** The target's answered leg: {channel, uniqueid} from the OriginateResponse. */
    private static String[] consultLeg(ContactId id) {
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.originatedChannels.get(Long.toString(id.value())), l -> l != null).split(" ");
    }
}
