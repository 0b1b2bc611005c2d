package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingStatus;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Queued callback through Asterisk at the wire: the arrival's AGI tells the dialplan when to offer it, the dialplan's
 * {@code AGI(agi://…/hotline-callback,${HOTLINE_CONTACT_ID},${HOTLINE_CALLBACK_NUMBER})} after {@code Read()} (as res_agi
 * sends it: the arguments as agi_arg_N) turns the call into a callback, the caller's hang-up after the goodbye abandons
 * nothing, and the agent's accept sends the Originate of click-to-call to the number left.
 */
@SpringBootTest
@DirtiesContext
class AsteriskCallbackTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE,
                AsteriskOutboundCalls.OUTBOUND_VARIABLE, AsteriskOutboundCalls.AGENT_VARIABLE);
        pbx.rememberOriginatedBy(AsteriskOutboundCalls.OUTBOUND_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    @Autowired
    ContactRouting routing;

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
    void theCallerLeavesANumberKeepsThePlaceAndIsCalledBackWhenAnAgentAccepts() throws Exception {
        String queue = queue("cbq-" + run);
        Call call = newCall();
        List<String> arrival = agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(),
                "13800138000", "4008880000", queue));
        ContactSnapshot contact = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow();
        ContactId id = contact.id();
        // hotline.callback.offer=ALWAYS, offer-after=30s: the ringback loop offers it after 30 s
        assertThat(arrival).contains("SET VARIABLE \"" + HotlineAgiScript.CALLBACK_AFTER + "\" \"30\"");

        List<String> invalid = agi.call(AgiCaller.inboundCall(agiPort, "hotline-callback", call.uniqueId(),
                call.channel(), "13800138000", "4008880000", id.toString(), "12345"));
        assertThat(invalid).contains("SET VARIABLE \"HOTLINE_CALLBACK\" \"INVALID\"");
        assertThat(routing.callback(id)).isEmpty();

        // Read() got "1": the caller's own number
        List<String> own = agi.call(AgiCaller.inboundCall(agiPort, "hotline-callback", call.uniqueId(),
                call.channel(), "13800138000", "4008880000", id.toString(), "1"));
        assertThat(own).contains("SET VARIABLE \"HOTLINE_CALLBACK\" \"OK\"");
        assertThat(routing.callback(id).orElseThrow().number()).isEqualTo("+8613800138000");

        // the dialplan plays goodbye and hangs up: Hangup() asks for the caller's channel to go, then it is gone
        Instant gone = Instant.now();
        pbx.emit("SoftHangupRequest", gone, hangupRequest(call.channel(), call.uniqueId(), call.uniqueId()));
        pbx.emit("Hangup", gone.plusMillis(3), hangup(call.channel(), call.uniqueId(), call.uniqueId()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(intake.history(id))
                .extracting(ContactHistoryView::action).contains("CALLBACK_REQUEST"));
        assertThat(routing.status(id)).isEqualTo(RoutingStatus.WAITING);
        assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
        assertThat(intake.history(id)).extracting(ContactHistoryView::action).doesNotContain("ABANDONED");

        String agent = agent("cb-" + run, queue, "2101");
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));
        presence.accept(id, agent);
        var originate = await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Originate", "Channel",
                "PJSIP/2101"), java.util.Optional::isPresent).orElseThrow();
        assertThat(originate.get("Context")).isEqualTo("hotline-outbound");
        assertThat(originate.get("Exten")).isEqualTo("+8613800138000");
        assertThat(originate.get("Variable")).contains("HOTLINE_OUTBOUND_ID=" + id, "HOTLINE_OUTBOUND_AGENT=" + agent);
        assertThat(pbx.actions("Redirect")).noneMatch(a -> call.channel().equals(a.get("Channel")));

        String[] channel = await().atMost(Duration.ofSeconds(10)).until(() -> pbx.originatedChannels.get(id.toString()),
                c -> c != null).split(" ");
        pbx.emit("DialEnd", Instant.now(), AsteriskOutboundCallTests.customerDial(channel[0], channel[1], "ANSWER"));
        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().answeredAt() != null);
        pbx.emit("Hangup", Instant.now(), hangup(channel[0], channel[1], channel[1]));

        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().isFinal());
        assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(intake.history(id)).extracting(ContactHistoryView::action)
                .containsSubsequence("QUEUED", "CALLBACK_REQUEST", "OFFERED", "ACCEPTED", "ANSWERED", "ANSWERED");
        presence.finish(id, agent, "called back");
    }

    @Test
    void aCallbackRequestForAContactNoLongerWaitingSendsTheCallerBackToWaiting() throws Exception {
        List<String> commands = agi.call(AgiCaller.inboundCall(agiPort, "hotline-callback", "1796300000.77",
                "PJSIP/trunk-gone-77", "13800138000", "4008880000", "999999999", "1"));
        assertThat(commands).contains("SET VARIABLE \"HOTLINE_CALLBACK\" \"GONE\"");
    }
}
