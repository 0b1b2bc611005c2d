package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentProfile;
import dev.hotline.telephony.recording.CallRecordings;
import dev.hotline.telephony.recording.Recording;
import dev.hotline.telephony.recording.RecordingPurge;
import dev.hotline.telephony.recording.RecordingSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.AUTH_TOKEN;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.agentLeg;
import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static dev.hotline.telephony.twilio.SignedWebhooks.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Call recording through Twilio at the wire: the caller of a recording queue hears the notice before ringback, the
 * agent's {@code <Dial>} records both sides, Twilio's signed recording-status callback (retried, or forged) links the
 * recording to the contact once, its audio is fetched from the REST fake with the account's credentials (redirect to
 * storage, Range) and the purge deletes it at Twilio when the retention is over.
 */
class TwilioRecordingTests extends TwilioTestSupport {

    static final String CALLER = "+8613700137222";

    @Autowired
    CallRecordings recordings;
    @Autowired
    RecordingPurge purge;
    @Value("${hotline.recording.directory}")
    String directory;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void anAgentServesTheRecordingQueue() throws Exception {
        String skill = "twilio-rec-" + run;
        queue(AGENT_QUEUE, Map.of(skill, 1));
        agent = "rec." + run;
        administration.saveAgent(new AgentProfile(agent, agent, Map.of(skill, 3), null, null, "softphone-" + agent,
                1, 3, 0));
        presence.login(agent);
        recording(AGENT_QUEUE, true);
    }

    @AfterEach
    void recordingOffAgain() throws Exception {
        recording(AGENT_QUEUE, false);   // the Twilio tests share the queue
    }

    @Test
    void theCallerIsToldTheAgentDialRecordsAndTheSignedCallbackLinksTheRecordingOnce() throws Exception {
        String callSid = randomSid("CA");
        String twiml = mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(twiml).contains("<Say language=\"zh-CN\">为了提高服务质量，您的通话将被录音。</Say>"
                + "<Say language=\"en-US\">This call is recorded to improve our service.</Say><Gather ")
                .contains("<Play loop=\"0\">");   // the notice first, then the queued-callback offer, then ringback
        var contact = connected(callSid);
        var dial = twilio.await(r -> r.path().contains(callSid) && r.field("Twiml") != null
                && r.field("Twiml").contains("<Dial"));
        assertThat(dial.field("Twiml")).contains("record=\"record-from-answer-dual\"")
                .contains("recordingStatusCallback=\"" + PUBLIC_BASE_URL + "/twilio/recording-status?contact="
                        + contact.id() + "\"")
                .contains("recordingStatusCallbackEvent=\"completed absent\"");

        String recordingSid = randomSid("RE");
        String callback = "/twilio/recording-status?contact=" + contact.id();
        var params = recordingStatus(callSid, recordingSid, "completed", 63);
        mvc.perform(unsigned(callback, params).header("X-Twilio-Signature", "forged"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(recordings.ofContact(contact.id())).isEmpty();

        mvc.perform(signed(callback, params)).andExpect(status().isNoContent());
        mvc.perform(signed(callback, params)).andExpect(status().isNoContent());   // Twilio's retry
        assertThat(recordings.ofContact(contact.id())).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo(RecordingSource.TWILIO);
            assertThat(r.externalId()).isEqualTo(recordingSid);
            assertThat(r.durationSeconds()).isEqualTo(63);
            assertThat(r.status()).isEqualTo(Recording.COMPLETED);
            assertThat(r.startedAt()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
        });

        var malformed = new LinkedHashMap<>(params);
        malformed.put("RecordingSid", "RE-not-a-sid");
        mvc.perform(signed(callback, malformed)).andExpect(status().isBadRequest());
        mvc.perform(signed("/twilio/recording-status", params)).andExpect(status().isBadRequest());
    }

    @Test
    void theAudioComesFromTwilioWithTheAccountsCredentialsAndNeverTheirUrl() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER))).andExpect(status().isOk());
        var contact = connected(callSid);
        String recordingSid = randomSid("RE");
        byte[] mp3 = new byte[4_000];
        for (int i = 0; i < mp3.length; i++) {
            mp3[i] = (byte) (i * 7);
        }
        twilio.recording(recordingSid, mp3);
        mvc.perform(signed("/twilio/recording-status?contact=" + contact.id(),
                recordingStatus(callSid, recordingSid, "completed", 5))).andExpect(status().isNoContent());
        long id = recordings.ofContact(contact.id()).get(0).id();

        mvc.perform(get("/api/recordings/{id}/audio", id).with(user(agent).roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "audio/mpeg"))
                .andExpect(content().bytes(mp3));
        var asked = twilio.await(r -> r.path().endsWith("/Recordings/" + recordingSid + ".mp3"));
        assertThat(asked.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid + ".mp3");
        assertThat(asked.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));

        mvc.perform(get("/api/recordings/{id}/audio", id).header(HttpHeaders.RANGE, "bytes=1000-1999")
                        .with(user("boss-" + run).roles("MANAGER")))
                .andExpect(status().isPartialContent())
                .andExpect(header().string(HttpHeaders.CONTENT_RANGE, "bytes 1000-1999/4000"))
                .andExpect(content().bytes(Arrays.copyOfRange(mp3, 1000, 2000)));
        mvc.perform(get("/api/recordings/{id}/audio", id).with(user("other-" + run).roles("AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/recordings/{id}/audio", 987_654_321L).with(user("sup").roles("SUPERVISOR")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCallerOfAQueueThatDoesNotRecordHearsNoNotice() throws Exception {
        String twiml = mvc.perform(signed("/twilio/voice", incomingCall(randomSid("CA"), CALLER, WAITING_NUMBER)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // (the only <Say> is the queued-callback offer)
        assertThat(twiml).doesNotContain("录音").doesNotContain("recorded").contains("<Play loop=\"0\">");
    }

    @Test
    void theRetentionPurgeDeletesTwiliosCopyAndTheFileThenTheRows() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER))).andExpect(status().isOk());
        var contact = connected(callSid);
        String recordingSid = randomSid("RE");
        twilio.recording(recordingSid, new byte[] {1, 2, 3});
        mvc.perform(signed("/twilio/recording-status?contact=" + contact.id(),
                recordingStatus(callSid, recordingSid, "completed", 3))).andExpect(status().isNoContent());
        // an Asterisk recording of the same contact, its file in the shared directory
        Instant started = Instant.parse("2026-12-03T08:00:00Z");
        String file = "hotline-" + contact.id().value() + "-" + run + ".wav";
        Files.createDirectories(Path.of(directory));
        Files.write(Path.of(directory, file), new byte[] {4, 5, 6});
        recordings.started(contact.id(), RecordingSource.ASTERISK, file, file, started);
        recordings.ended(RecordingSource.ASTERISK, file, started.plusSeconds(30));

        Instant expiry = started.plus(Duration.ofDays(180));   // hotline.recording.retention
        purge.purge(expiry.minusSeconds(1));
        assertThat(recordings.ofContact(contact.id())).hasSize(2);
        assertThat(twilio.hasRecording(recordingSid)).isTrue();

        // Twilio unreachable for this one: it stays listed and is tried again
        twilio.failFor(recordingSid, new FakeTwilioApi.Failure(503, 20503, "Service unavailable"));
        purge.purge(expiry);
        assertThat(recordings.ofContact(contact.id())).extracting(Recording::source).containsExactly(RecordingSource.TWILIO);
        assertThat(Path.of(directory, file)).doesNotExist();

        twilio.stopFailingFor(recordingSid);
        purge.purge(expiry.plus(1, ChronoUnit.HOURS));
        assertThat(recordings.ofContact(contact.id())).isEmpty();
        assertThat(twilio.hasRecording(recordingSid)).isFalse();
        assertThat(twilio.matching(r -> "DELETE".equals(r.method()) && r.path().equals("/2010-04-01/Accounts/"
                + ACCOUNT_SID + "/Recordings/" + recordingSid + ".json"))).hasSizeGreaterThanOrEqualTo(2);   // the SDK retries a 503 itself
    }

    /** Twilio's recording status callback parameters (recordingStatusCallback of a {@code <Dial>}). */
    private static Map<String, String> recordingStatus(String callSid, String recordingSid, String status, int seconds) {
        var p = new LinkedHashMap<String, String>();
        p.put("AccountSid", ACCOUNT_SID);
        p.put("CallSid", callSid);
        p.put("RecordingSid", recordingSid);
        p.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/" + recordingSid);
        p.put("RecordingStatus", status);
        p.put("RecordingDuration", Integer.toString(seconds));
        p.put("RecordingChannels", "2");
        p.put("RecordingStartTime", timestamp(Instant.parse("2026-12-03T08:00:00Z")));
        p.put("RecordingSource", "DialVerb");
        p.put("RecordingTrack", "both");
        p.put("ErrorCode", "0");
        return p;
    }

    private void recording(String queue, boolean on) throws Exception {
        mvc.perform(put("/api/queues/{name}/recording", queue).with(user("adm").roles("ADMIN")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"recording\":" + on + "}"))
                .andExpect(status().isOk());
    }

    private ContactSnapshot connected(String callSid) throws Exception {
        var contact = contactOfCall(callSid);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> contact.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(contact.id(), agent);
        twilio.await(r -> r.path().contains(callSid));
        String legCallback = "/twilio/voice/status?contact=" + contact.id() + "&agent=" + agent;
        mvc.perform(signed(legCallback, agentLeg(randomSid("CA"), callSid, "in-progress", 0,
                Instant.now().truncatedTo(ChronoUnit.SECONDS)))).andExpect(status().isNoContent());
        return recorded(contact.id(), ContactStatus.CONNECTED);
    }
}
