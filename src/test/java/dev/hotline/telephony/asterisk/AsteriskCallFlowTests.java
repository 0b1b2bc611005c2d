package dev.hotline.telephony.asterisk;

import dev.hotline.shared.infra.FreePort;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Asterisk adapter at the wire: a FastAGI caller plays the dialplan's AGI() step and {@link AmiPeer} plays the
 * manager interface. Nothing inside the app is mocked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class AsteriskCallFlowTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    @Autowired
    MockMvc mvc;

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
    void acceptedCallIsRedirectedToTheAgentAndAnsweredAtThePbxTime() throws Exception {
        String queue = queue("q-" + run);
        String agent = agent("ag-" + run, queue, "1001");
        Call call = newCall();

        List<String> commands = agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(),
                "13800138000", "4008880000", queue));

        ContactSnapshot contact = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow();
        assertThat(commands).contains("SET VARIABLE \"HOTLINE_CONTACT_ID\" \"" + contact.id() + "\"");
        assertThat(commands).anyMatch(c -> c.contains("AJ_AGISTATUS") && c.contains("SUCCESS"));
        assertThat(contact.queue()).isEqualTo(queue);
        assertThat(contact.from()).isEqualTo("13800138000");

        await().atMost(Duration.ofSeconds(10)).until(() -> contact.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(contact.id(), agent);

        var redirect = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Redirect", "Channel", call.channel()), r -> r.isPresent()).orElseThrow();
        assertThat(redirect).containsEntry("Context", "hotline-agents").containsEntry("Exten", "s")
                .containsEntry("Priority", "1");
        assertThat(pbx.lastAction("Setvar", "Channel", call.channel())).hasValueSatisfying(setvar ->
                assertThat(setvar).containsEntry("Variable", "HOTLINE_AGENT_DIAL").containsEntry("Value", "PJSIP/1001"));

        Instant answeredAt = contact.arrivedAt().plusMillis(12_400);   // on the third 5 s ring
        String agentLeg = call.uniqueId() + "1";
        pbx.emit("DialBegin", contact.arrivedAt().plusSeconds(9), dial(call, agentLeg, null));
        pbx.emit("DialEnd", answeredAt, dial(call, agentLeg, "ANSWER"));
        pbx.emit("BridgeCreate", answeredAt.plusMillis(4), bridgeFields(bridgeOf(call), 0));
        pbx.emit("BridgeEnter", answeredAt.plusMillis(5), bridge(bridgeOf(call), call.channel(), call.uniqueId(), call.uniqueId()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var answered = intake.find(contact.id()).orElseThrow();
            assertThat(answered.status()).isEqualTo(ContactStatus.CONNECTED);
            assertThat(answered.agent()).isEqualTo(agent);
            assertThat(answered.answeredAt()).isEqualTo(answeredAt);
            assertThat(answered.ringsToAnswer()).isEqualTo(3);
        });

        // the agent hangs up first: a service taboo, recorded; the caller's hang-up then ends the call
        agentHangsUp(call, agentLeg, answeredAt.plusSeconds(60));

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
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        String offered = await().atMost(Duration.ofSeconds(10)).until(() -> offeredTo(id, first, second), a -> a != null);
        String other = offered.equals(first) ? second : first;
        presence.accept(id, offered);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Redirect", "Channel", call.channel()).isPresent());

        String agentLeg = call.uniqueId() + "1";
        pbx.emit("DialBegin", Instant.now(), dial(call, agentLeg, null));
        pbx.emit("DialEnd", Instant.now(), dial(call, agentLeg, "NOANSWER"));

        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(other).pendingOffer()));
        assertThat(presence.status(offered).state()).isEqualTo(AgentState.BREAK);
        presence.accept(id, other);
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("Setvar").stream().anyMatch(a ->
                call.channel().equals(a.get("Channel")) && a.get("Value").equals(offered.equals(first) ? "PJSIP/1102" : "PJSIP/1101")));
        assertThat(dev.hotline.Records.awaitRecorded(intake, id, ContactStatus.OFFERED).agent()).isEqualTo(other);
    }

    @Test
    void failedRedirectPutsTheCallBackInTheQueue() throws Exception {
        String queue = queue("rf-" + run);
        String agent = agent("rf-" + run, queue, "1201");
        Call call = newCall();
        pbx.refuseRedirectOf(call.channel());
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));

        presence.accept(id, agent);

        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Redirect", "Channel", call.channel()).isPresent());
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
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();

        pbx.emit("Hangup", Instant.now(), hangup(call.channel(), call.uniqueId(), call.uniqueId()));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
        assertThat(quality.findByContactId(id.value())).isEmpty();
    }

    @Test
    void overflowedCallIsRedirectedToTheOnCallPhoneThroughTheTrunk() throws Exception {
        String queue = queue("of-" + run);
        Call call = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();

        routing.overflow(id, "+8613900000001");

        var redirect = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Redirect", "Channel", call.channel()), r -> r.isPresent()).orElseThrow();
        assertThat(redirect).containsEntry("Context", "hotline-overflow").containsEntry("Exten", "s");
        assertThat(pbx.lastAction("Setvar", "Channel", call.channel())).hasValueSatisfying(setvar -> assertThat(setvar)
                .containsEntry("Variable", "HOTLINE_OVERFLOW_TARGET").containsEntry("Value", "+8613900000001"));
    }

    @Test
    void droppedAmiSessionReconnectsAndResyncsWithoutLossOrDuplicate() throws Exception {
        String queue = queue("rs-" + run);
        Call stays = newCall();
        Call leaves = newCall();
        for (Call c : List.of(stays, leaves)) {
            pbx.channelUp(c.uniqueId(), c.channel());
            agi.call(AgiCaller.inboundCall(agiPort, "hotline", c.uniqueId(), c.channel(), "13800138000", "4008880000",
                    queue));
        }
        ContactId staying = intake.findByExternalId("asterisk", stays.uniqueId()).orElseThrow().id();
        ContactId leaving = intake.findByExternalId("asterisk", leaves.uniqueId()).orElseThrow().id();
        int loginsBefore = pbx.actions("Login").size();

        // the session dies; meanwhile one caller hangs up and nobody hears the Hangup event
        pbx.channelGone(leaves.uniqueId());
        pbx.dropSession();

        await().atMost(Duration.ofSeconds(20)).until(() -> pbx.actions("Login").size() > loginsBefore
                && health.health().getStatus().getCode().equals("UP"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(leaving).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
        assertThat(intake.find(staying).orElseThrow().isFinal()).isFalse();

        // an AGI retry of the same call after the reconnect is the same contact
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", stays.uniqueId(), stays.channel(), "13800138000",
                "4008880000", queue));
        assertThat(intake.findByExternalId("asterisk", stays.uniqueId()).orElseThrow().id()).isEqualTo(staying);

        // still tracked after the reconnect: its hang-up is heard, once
        pbx.emit("Hangup", Instant.now(), hangup(stays.channel(), stays.uniqueId(), stays.uniqueId()));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(intake.find(staying).orElseThrow().outcome()).isEqualTo(ContactOutcome.ABANDONED));
        assertThat(intake.history(staying)).extracting(ContactHistoryView::action)
                .containsOnlyOnce("ARRIVED", "ABANDONED");
        pbx.channelGone(stays.uniqueId());
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void silencesOverFiveSecondsAndTheAgentHangingUpFirstAreServedToSupervisors() throws Exception {
        String queue = queue("sl-" + run);
        String agent = agent("sl-" + run, queue, "1001");
        Call call = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        Instant t = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        acceptAndAnswer(call, id, agent, t);
        String leg = agentLeg(call);

        // TALK_DETECT: Start when a leg talks, Stop 2.5 s after it went quiet with how long it talked
        pbx.emit("ChannelTalkingStart", t.plusSeconds(1), talking(call.channel(), call.uniqueId(), call.uniqueId(), null));
        pbx.emit("ChannelTalkingStart", t.plusSeconds(2), talking(AGENT_CHANNEL, leg, call.uniqueId(), null));
        pbx.emit("ChannelTalkingStop", t.plusMillis(6_500), talking(call.channel(), call.uniqueId(), call.uniqueId(), 3_000L));
        pbx.emit("ChannelTalkingStop", t.plusMillis(7_500), talking(AGENT_CHANNEL, leg, call.uniqueId(), 3_000L));
        // nobody talks from t+5 s (the agent's last word) to t+12.2 s: a 7.2 s silence
        pbx.emit("ChannelTalkingStart", t.plusMillis(12_200), talking(call.channel(), call.uniqueId(), call.uniqueId(), null));
        pbx.emit("ChannelTalkingStop", t.plusMillis(16_700), talking(call.channel(), call.uniqueId(), call.uniqueId(), 2_000L));
        // 3 s quiet is no silence worth noting
        pbx.emit("ChannelTalkingStart", t.plusMillis(17_200), talking(AGENT_CHANNEL, leg, call.uniqueId(), null));
        pbx.emit("ChannelTalkingStop", t.plusMillis(20_200), talking(AGENT_CHANNEL, leg, call.uniqueId(), 500L));
        // quiet from t+17.7 s until the agent hangs up at t+24 s: 6.3 s, then the customer hangs up
        agentHangsUp(call, leg, t.plusSeconds(24));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(quality.findByContactId(id.value()))
                .hasValueSatisfying(q -> {
                    assertThat(q.silences()).isEqualTo(2);
                    assertThat(q.longestSilenceMillis()).isEqualTo(7_200);
                    assertThat(q.agentHungUpFirst()).isTrue();
                }));
        mvc.perform(get("/api/contacts/{id}/call-quality", id.value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contactId").value(id.value()))
                .andExpect(jsonPath("$.agent").value(agent))
                .andExpect(jsonPath("$.hungUpFirst").value("AGENT"))
                .andExpect(jsonPath("$.agentHungUpFirst").value(true))
                .andExpect(jsonPath("$.silences.length()").value(2))
                .andExpect(jsonPath("$.silences[0].startedAt").value(t.plusSeconds(5).toString()))
                .andExpect(jsonPath("$.silences[0].lengthMillis").value(7_200))
                .andExpect(jsonPath("$.silences[1].startedAt").value(t.plusMillis(17_700).toString()))
                .andExpect(jsonPath("$.silences[1].lengthMillis").value(6_300))
                .andExpect(jsonPath("$.longestSilenceMillis").value(7_200));
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void callQualityOfAnUnknownContactIsAProblem() throws Exception {
        mvc.perform(get("/api/contacts/{id}/call-quality", 987_654_321_012L))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/contacts/{id}/call-quality", "not-a-number"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void agentsDoNotReadCallQuality() throws Exception {
        mvc.perform(get("/api/contacts/{id}/call-quality", 1)).andExpect(status().isForbidden());
    }

    @Test
    void overflowThePbxRefusesIsTriedAgainThenShownInHealthUntilTheCallerHangsUp() throws Exception {
        String queue = queue("os-" + run);
        Call call = newCall();
        pbx.channelUp(call.uniqueId(), call.channel());
        pbx.refuseRedirectOf(call.channel(), "Redirect failed");
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();

        routing.overflow(id, "+8613900000002");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stranded()).singleElement()
                .satisfies(s -> {
                    assertThat(s.contact()).isEqualTo(id);
                    assertThat(s.channel()).isEqualTo(call.channel());
                    assertThat(s.target()).isEqualTo("+8613900000002");
                    assertThat(s.reason()).contains("Redirect failed");
                }));
        assertThat(pbx.actions("Redirect")).filteredOn(a -> call.channel().equals(a.get("Channel"))).hasSize(2);
        // the target variable got through: the dialplan's wait loop sends the caller on by itself
        assertThat(pbx.lastAction("Setvar", "Channel", call.channel())).hasValueSatisfying(v ->
                assertThat(v).containsEntry("Variable", "HOTLINE_OVERFLOW_TARGET"));
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");

        pbx.emit("Hangup", Instant.now(), hangup(call.channel(), call.uniqueId(), call.uniqueId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> stranded().isEmpty());
    }

    @Test
    void overflowOfACallerWhoHasGoneStrandsNobody() throws Exception {
        String queue = queue("og-" + run);
        Call call = newCall();
        pbx.refuseRedirectOf(call.channel());   // "Channel does not exist", and CoreShowChannels does not list it
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000", "4008880000",
                queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();

        routing.overflow(id, "+8613900000003");

        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.actions("CoreShowChannels").stream().count() > 0
                && pbx.lastAction("Redirect", "Channel", call.channel()).isPresent());
        Thread.sleep(CallConnector.OVERFLOW_RETRY.toMillis() + 500);
        assertThat(pbx.actions("Redirect")).filteredOn(a -> call.channel().equals(a.get("Channel"))).hasSize(1);
        assertThat(stranded()).noneMatch(s -> s.contact().equals(id));
    }

    @SuppressWarnings("unchecked")
    private List<StrandedOverflows.Stranded> stranded() {
        return (List<StrandedOverflows.Stranded>) health.health().getDetails().get("overflowsNotRedirected");
    }

    @Test
    void agiRequestWithGarbageVariablesRegistersNoContact() throws Exception {
        var env = AgiCaller.inboundCall(agiPort, "hotline", "not-a-uniqueid", "", "13800138000", "4008880000");

        List<String> commands = agi.call(env);

        assertThat(commands).noneMatch(c -> c.contains("HOTLINE_CONTACT_ID"));
        assertThat(commands).anyMatch(c -> c.contains("AJ_AGISTATUS") && c.contains("FAILED"));
        assertThat(intake.findByExternalId("asterisk", "not-a-uniqueid")).isEmpty();
    }

    @Test
    void agiRequestForAnotherScriptIsNotFound() throws Exception {
        Call call = newCall();
        List<String> commands = agi.call(AgiCaller.inboundCall(agiPort, "billing", call.uniqueId(), call.channel(),
                "13800138000", "4008880000"));

        assertThat(commands).anyMatch(c -> c.contains("AJ_AGISTATUS") && c.contains("NOT_FOUND"));
        assertThat(intake.findByExternalId("asterisk", call.uniqueId())).isEmpty();
    }
}
