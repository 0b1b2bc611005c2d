package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactStatus;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.infra.FreePort;
import dev.hotline.telephony.supervision.SupervisionLog;
import dev.hotline.telephony.supervision.SupervisionMode;
import dev.hotline.telephony.supervision.SupervisionStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Supervisor listen / whisper / barge through Asterisk at the wire: the endpoint sends AMI Originate to
 * {@link AmiPeer}, which answers as Asterisk 22 does (queued, then OriginateResponse); the Hangup of the supervisor's
 * channel, carrying HOTLINE_SUPERVISION_ID as manager.conf channelvars reports it, ends the session. Every join is
 * in the supervision log. Nothing inside the app is mocked.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class AsteriskSupervisionTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE,
                AsteriskCallSupervisor.SESSION_VARIABLE);
        pbx.rememberOriginatedBy(AsteriskCallSupervisor.SESSION_VARIABLE);
        asterisk(registry, pbx, agiPort);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    SupervisionLog log;

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
    void aSupervisorListensThroughChanSpyOnTheAgentsChannelAndTheSessionIsLoggedFromRingToEnd() throws Exception {
        Call call = newCall();
        ContactId id = connectedCall(call, "lis");
        String supervisor = "sup-" + run;

        long session = join(supervisor, id, "LISTEN", "2101").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RINGING"))
                .andExpect(jsonPath("$.supervisor").value(supervisor))
                .andExpect(jsonPath("$.agent").value("lis-" + run))
                .andReturn().getResponse().getContentAsString().transform(AsteriskSupervisionTests::idOf);

        var originate = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("Originate", "Channel", "PJSIP/2101"), java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(originate).containsEntry("Context", "hotline-supervise").containsEntry("Exten", "s")
                .containsEntry("Priority", "1").containsEntry("Timeout", "30000");
        assertThat(originate.get("Async")).isEqualToIgnoringCase("true");
        assertThat(originate.get("Variable")).contains("HOTLINE_SUPERVISION_ID=" + session,
                "HOTLINE_SPY_TARGET=PJSIP/1001-", "HOTLINE_SPY_OPTIONS=qES");
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionStatus(session) == SupervisionStatus.ACTIVE);

        // the wallboard's list shows the call with the supervisor on it
        mvc.perform(get("/api/supervision/calls").with(user(supervisor).roles("SUPERVISOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.contactId == " + id + ")].sessions[0].mode").value(hasItem("LISTEN")));

        // the supervisor hangs up: the Hangup of the originated channel ends the session, the call goes on
        String[] channel = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.originatedChannels.get(Long.toString(session)), c -> c != null).split(" ");
        Instant left = Instant.now();
        pbx.emit("Hangup", left, hangup(channel[0], channel[1], channel[1]));
        await().atMost(Duration.ofSeconds(10)).until(() -> sessionStatus(session) == SupervisionStatus.ENDED);
        var entry = log.find(session).orElseThrow();
        assertThat(entry.contactId()).isEqualTo(id.value());
        assertThat(entry.mode()).isEqualTo(SupervisionMode.LISTEN);
        assertThat(entry.startedAt()).isNotNull();
        assertThat(Duration.between(entry.endedAt(), left).abs()).isLessThan(Duration.ofSeconds(1));
        assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.CONNECTED);

        mvc.perform(get("/api/supervision/sessions").param("contact", id.toString())
                        .with(user("mgr-" + run).roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(session))
                .andExpect(jsonPath("$[0].status").value("ENDED"))
                .andExpect(jsonPath("$[0].supervisorPhone").value("2101"));
    }

    @Test
    void whisperTalksToTheAgentOnlyAndBargeToBothSides() throws Exception {
        ContactId id = connectedCall(newCall(), "wb");

        long whisper = idOf(join("sup-" + run, id, "WHISPER", "2103").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString());
        long barge = idOf(join("adm-" + run, id, "BARGE", "PJSIP/2104").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString());

        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Originate", "Channel",
                "PJSIP/2103"), java.util.Optional::isPresent).orElseThrow().get("Variable"))
                .contains("HOTLINE_SUPERVISION_ID=" + whisper, "HOTLINE_SPY_OPTIONS=qwES");
        assertThat(await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("Originate", "Channel",
                "PJSIP/2104"), java.util.Optional::isPresent).orElseThrow().get("Variable"))
                .contains("HOTLINE_SUPERVISION_ID=" + barge, "HOTLINE_SPY_OPTIONS=qBES");
    }

    @Test
    void aBusySupervisorPhoneFailsTheSessionAndLeavesTheCallAlone() throws Exception {
        ContactId id = connectedCall(newCall(), "busy");
        pbx.originateEndsWith("PJSIP/2105", 5);

        long session = idOf(join("sup-" + run, id, "LISTEN", "2105").andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString());

        await().atMost(Duration.ofSeconds(10)).until(() -> sessionStatus(session) == SupervisionStatus.FAILED);
        assertThat(log.find(session).orElseThrow().failure()).isEqualTo("supervisor-phone-busy");
        assertThat(intake.find(id).orElseThrow().status()).isEqualTo(ContactStatus.CONNECTED);
    }

    @Test
    void agentsCannotListenAndOnlyConnectedCallsCanBeJoined() throws Exception {
        ContactId id = connectedCall(newCall(), "deny");

        mvc.perform(post("/api/supervision/calls/" + id).with(user("peer-" + run).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mode\":\"LISTEN\",\"phone\":\"2106\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/supervision/sessions").with(user("peer-" + run).roles("AGENT")))
                .andExpect(status().isForbidden());
        join("sup-" + run, id, "SHOUT", "2106").andExpect(status().isBadRequest());
        join("sup-" + run, id, "LISTEN", "2106,qB").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"));
        // no phone given and none on record
        join("nophone-" + run, id, "LISTEN", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("supervisor-no-phone"));

        Call waiting = newCall();
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", waiting.uniqueId(), waiting.channel(), "13800138000",
                "4008880000", queue("wq-" + run)));
        ContactId notConnected = intake.findByExternalId("asterisk", waiting.uniqueId()).orElseThrow().id();
        join("sup-" + run, notConnected, "LISTEN", "2106").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("call-not-live"));
        assertThat(pbx.actions("Originate")).noneMatch(a -> "PJSIP/2106".equals(a.get("Channel")));
    }

    @Test
    void aPbxThatIsDownGivesAProblemAndTheAttemptIsLogged() throws Exception {
        ContactId id = connectedCall(newCall(), "down");
        pbx.down = true;
        try {
            pbx.dropSession();
            await().atMost(Duration.ofSeconds(10)).until(() -> !health.health().getStatus().getCode().equals("UP"));
            join("sup-" + run, id, "LISTEN", "2107").andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.code").value("telephony-unavailable"));
            assertThat(log.recent(id.value(), 10)).singleElement().satisfies(e -> {
                assertThat(e.status()).isEqualTo(SupervisionStatus.FAILED);
                assertThat(e.failure()).isEqualTo("telephony-unavailable");
            });
        } finally {
            pbx.down = false;
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> health.health().getStatus().getCode().equals("UP"));
    }

    private ContactId connectedCall(Call call, String name) throws IOException {
        String queue = queue(name + "q-" + run);
        String agent = agent(name + "-" + run, queue, "1001");
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000",
                "4008880000", queue));
        ContactId id = intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
        acceptAndAnswer(call, id, agent, Instant.now());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> intake.find(id).orElseThrow().status() == ContactStatus.CONNECTED);
        return id;
    }

    private ResultActions join(String supervisor, ContactId id, String mode, String phone) throws Exception {
        String body = phone == null ? "{\"mode\":\"" + mode + "\"}"
                : "{\"mode\":\"" + mode + "\",\"phone\":\"" + phone + "\"}";
        return mvc.perform(post("/api/supervision/calls/" + id)
                .with(user(supervisor).roles(supervisor.startsWith("adm-") ? "ADMIN" : "SUPERVISOR")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private SupervisionStatus sessionStatus(long session) {
        return log.find(session).orElseThrow().status();
    }

    private static long idOf(String json) {
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

}
