package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ContactId;
import dev.hotline.shared.infra.FreePort;
import dev.hotline.telephony.recording.CallRecordings;
import dev.hotline.telephony.recording.Recording;
import dev.hotline.telephony.recording.RecordingSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Call recording through Asterisk at the wire: the AGI script tells the dialplan to play the recording notice, the
 * caller's entering the bridge with the agent's leg starts an AMI {@code MixMonitor} that {@link AmiPeer} answers as
 * app_mixmonitor does (writing the file, raising MixMonitorStart), and the caller's hang-up completes the recording,
 * which the app then serves from the shared directory to those who may hear it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class AsteriskRecordingTests extends AsteriskWireTestSupport {

    static final AmiPeer pbx = startPeer();
    static final int agiPort = FreePort.find();
    static final Path shared = tempDirectory();

    @DynamicPropertySource
    static void asterisk(DynamicPropertyRegistry registry) {
        pbx.reportChannelVariables(CallDirectory.CONTACT_VARIABLE, CallDirectory.AGENT_VARIABLE);
        asterisk(registry, pbx, agiPort);
        // the app and Asterisk share the directory (here: the same path on the same machine)
        registry.add("hotline.recording.directory", shared::toString);
        registry.add("hotline.recording.asterisk-directory", shared::toString);
        registry.add("hotline.recording.asterisk-prompt", () -> "custom/hotline-recorded");
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    CallRecordings recordings;
    @Autowired
    JdbcClient jdbc;

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
    void aRecordingQueuesCallIsAnnouncedRecordedFromTheBridgeAndPlayableByItsAgentAndSupervisors() throws Exception {
        String queue = queue("rec-" + run);
        String agent = agent("rec-" + run, queue, "1501");
        recording(queue, true);
        Call call = newCall();
        ContactId id = arrives(call, queue);
        assertThat(pbx.lastAction("Setvar", "Channel", call.channel())).isEmpty();
        assertThat(variable(call, HotlineAgiScript.RECORDING_NOTICE_VARIABLE)).isEqualTo("custom/hotline-recorded");

        Instant answered = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        acceptAndAnswer(call, id, agent, answered);

        var mixMonitor = await().atMost(Duration.ofSeconds(10))
                .until(() -> pbx.lastAction("MixMonitor", "Channel", call.channel()), a -> a.isPresent()).orElseThrow();
        String file = "hotline-" + id.value() + ".wav";
        assertThat(mixMonitor).containsEntry("File", shared.resolve(file).toString()).doesNotContainKey("Options");
        assertThat(recordings.ofContact(id)).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Recording.RECORDING);
            assertThat(r.startedAt()).isEqualTo(answered.plusMillis(5));   // the caller's BridgeEnter
        });

        // the caller enters a bridge with an agent's leg again (resume, or the next agent after a transfer): the
        // MixMonitor already on the caller's channel goes on recording, no second one is started
        pbx.emit("BridgeEnter", answered.plusSeconds(20),
                bridge(bridgeOf(call) + "-2", call.channel(), call.uniqueId(), call.uniqueId()));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> pbx.actions("MixMonitor").stream().filter(a -> call.channel().equals(a.get("Channel")))
                        .count() == 1);

        callerHangsUp(call, agentLeg(call), answered.plusSeconds(42));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recordings.ofContact(id)).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(Recording.COMPLETED);
                    assertThat(r.durationSeconds()).isEqualTo(42);
                    assertThat(r.source()).isEqualTo(RecordingSource.ASTERISK);
                    assertThat(r.location()).isEqualTo(file);
                }));

        long recording = recordings.ofContact(id).get(0).id();
        byte[] wav = Files.readAllBytes(shared.resolve(file));
        mvc.perform(get("/api/contacts/{id}/recordings", id.value()).with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(recording))
                .andExpect(jsonPath("$[0].durationSeconds").value(42));
        mvc.perform(get("/api/recordings/{id}/audio", recording).with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("audio/wav"))
                .andExpect(content().bytes(wav));
        mvc.perform(get("/api/recordings/{id}/audio", recording).header(HttpHeaders.RANGE, "bytes=44-143")
                        .with(user("sup-" + run).roles("SUPERVISOR")))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 44-143/" + wav.length))
                .andExpect(content().bytes(Arrays.copyOfRange(wav, 44, 144)));
        mvc.perform(get("/api/recordings/{id}/audio", recording).with(user("someone-else").roles("AGENT")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        // who listened: the agent's play is logged, the supervisor's seek (a later Range) is not a second listening
        assertThat(recordings.listenings(id)).extracting(CallRecordings.Listening::username).containsExactly(agent);
    }

    @Test
    void aQueueThatDoesNotRecordIsNeitherAnnouncedNorRecorded() throws Exception {
        String queue = queue("norec-" + run);
        String agent = agent("norec-" + run, queue, "1502");
        Call call = newCall();
        ContactId id = arrives(call, queue);
        assertThat(variable(call, HotlineAgiScript.RECORDING_NOTICE_VARIABLE)).isNull();
        acceptAndAnswer(call, id, agent, Instant.now());
        callerHangsUp(call, agentLeg(call), Instant.now().plusSeconds(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> intake.find(id).orElseThrow().isFinal());
        assertThat(pbx.lastAction("MixMonitor", "Channel", call.channel())).isEmpty();
        assertThat(recordings.ofContact(id)).isEmpty();
    }

    @Test
    void aMixMonitorThePbxRefusesLeavesNoRecordingBehind() throws Exception {
        String queue = queue("recgone-" + run);
        String agent = agent("recgone-" + run, queue, "1503");
        recording(queue, true);
        Call call = newCall();
        ContactId id = arrives(call, queue);
        pbx.channelHungUp(call.channel());   // gone by the time MixMonitor arrives: "No such channel"
        acceptAndAnswer(call, id, agent, Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> pbx.lastAction("MixMonitor", "Channel", call.channel()).isPresent());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(recordings.ofContact(id)).isEmpty());
    }

    @Test
    void onlyAdminsSwitchRecordingAndUnknownQueuesAreProblems() throws Exception {
        String queue = queue("recsw-" + run);
        mvc.perform(put("/api/queues/{name}/recording", queue).with(user("sup").roles("SUPERVISOR"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recording\":true}"))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/queues/{name}/recording", "no-such-queue-" + run).with(user("adm").roles("ADMIN"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recording\":true}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/queues/{name}/recording", queue).with(user("adm").roles("ADMIN"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/queues/{name}/recording", queue).with(user("sup").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recording").value(false));
        recording(queue, true);
        mvc.perform(get("/api/queues/{name}/recording", queue).with(user("sup").roles("SUPERVISOR")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.recording").value(true));
    }

    private void recording(String queue, boolean on) throws Exception {
        mvc.perform(put("/api/queues/{name}/recording", queue).with(user("adm").roles("ADMIN"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recording\":" + on + "}"))
                .andExpect(status().isOk());
    }

    private ContactId arrives(Call call, String queue) throws Exception {
        agi.call(AgiCaller.inboundCall(agiPort, "hotline", call.uniqueId(), call.channel(), "13800138000",
                "4008880000", queue));
        return intake.findByExternalId("asterisk", call.uniqueId()).orElseThrow().id();
    }

    private String variable(Call call, String name) {
        return pbx.variable(call.channel(), name);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("hotline-recordings");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
