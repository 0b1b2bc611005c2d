package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentProfile;
import dev.hotline.telephony.supervision.SupervisionLog;
import dev.hotline.telephony.supervision.SupervisionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.agentLeg;
import static dev.hotline.telephony.twilio.SignedWebhooks.callStatus;
import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static dev.hotline.telephony.twilio.SignedWebhooks.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Supervisor listen / whisper / barge through Twilio at the wire: the first join finds the agent's leg (Calls list by
 * ParentCallSid), moves it into the contact's conference (Calls update), and the caller's dial action follows it;
 * the supervisor is a conference participant (Participants create: muted, coaching or neither). The participant's
 * signed status callbacks, retried as Twilio retries them, move the supervision log.
 */
class TwilioSupervisionTests extends TwilioTestSupport {

    static final String CALLER = "+8613700137111";

    @Autowired
    SupervisionLog log;

    String run;

    @BeforeEach
    void oneAgentServesTheAgentQueue() {
        run = UUID.randomUUID().toString().substring(0, 8);
        String skill = "twilio-sup-" + run;
        queue(AGENT_QUEUE, Map.of(skill, 1));
        agent = "tws." + run;
        administration.saveAgent(new AgentProfile(agent, "Agent " + agent, Map.of(skill, 3), null, null,
                "softphone-" + agent, 1, 3, 0));
        presence.login(agent);
    }

    record Connected(ContactSnapshot contact, String callSid, String agentLeg) {
    }

    @Test
    void listeningMovesTheCallIntoAConferenceTheSupervisorJoinsMutedAndTheLogFollowsRetriedCallbacks() throws Exception {
        Connected call = connectedCall();
        String conference = "hotline-contact-" + call.contact().id();

        long session = idOf(join("sup-" + run, call, "LISTEN", "+8613912340001").andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("RINGING")));

        var list = twilio.await(r -> "GET".equals(r.method()) && call.callSid().equals(r.field("ParentCallSid")));
        assertThat(list.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json");
        assertThat(list.field("Status")).isEqualTo("in-progress");
        String inConference = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Conference beep=\"false\" "
                + "endConferenceOnExit=\"true\" startConferenceOnEnter=\"true\">" + conference
                + "</Conference></Dial></Response>";
        var moved = twilio.await(r -> r.path().endsWith("/Calls/" + call.agentLeg() + ".json"));
        assertThat(moved.field("Twiml")).isEqualTo(inConference);
        var participant = twilio.await(r -> r.path().endsWith("/Conferences/" + conference + "/Participants.json"));
        assertThat(participant.field("From")).isEqualTo(AGENT_NUMBER);
        assertThat(participant.field("To")).isEqualTo("+8613912340001");
        assertThat(participant.field("Muted")).isEqualTo("true");
        assertThat(participant.field("Beep")).isEqualTo("false");
        assertThat(participant.field("Coaching")).isNull();
        assertThat(participant.field("Timeout")).isEqualTo("30");
        assertThat(participant.field("StatusCallback")).isEqualTo(PUBLIC_BASE_URL
                + "/twilio/voice/supervision?session=" + session);
        assertThat(participant.all("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");

        // the agent's leg left the <Dial>: the caller's dial action puts the caller into the same conference
        mvc.perform(signed(dialAction(call), dialOver(call))).andExpect(status().isOk())
                .andExpect(content().xml(inConference));
        assertThat(recorded(call.contact().id(), ContactStatus.CONNECTED).agent()).isEqualTo(agent);

        String supervisorLeg = randomSid("CA");
        Instant answered = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        supervisorCallback(session, supervisorLeg, "in-progress", 0, answered);
        supervisorCallback(session, supervisorLeg, "in-progress", 0, answered);   // Twilio retried it
        assertThat(log.find(session).orElseThrow().status()).isEqualTo(SupervisionStatus.ACTIVE);
        assertThat(log.find(session).orElseThrow().startedAt()).isEqualTo(answered);
        supervisorCallback(session, supervisorLeg, "completed", 42, answered.plusSeconds(42));
        supervisorCallback(session, supervisorLeg, "completed", 42, answered.plusSeconds(50));   // a late retry
        var ended = log.find(session).orElseThrow();
        assertThat(ended.status()).isEqualTo(SupervisionStatus.ENDED);
        assertThat(ended.endedAt()).isEqualTo(answered.plusSeconds(42));

        // nobody else can end a session: the callback is signed
        mvc.perform(unsigned("/twilio/voice/supervision?session=" + session, callStatus(supervisorLeg, "busy", 0,
                timestamp(Instant.now()), 3))).andExpect(status().is4xxClientError());
    }

    @Test
    void whisperCoachesTheAgentsLegAndBargeTalksToBothWithoutMovingTheCallAgain() throws Exception {
        Connected call = connectedCall();
        String conference = "hotline-contact-" + call.contact().id();

        idOf(join("sup-" + run, call, "WHISPER", "client:coach-" + run).andExpect(status().isAccepted()));
        var whisper = twilio.await(r -> r.path().endsWith("/Conferences/" + conference + "/Participants.json")
                && ("client:coach-" + run).equals(r.field("To")));
        assertThat(whisper.field("Coaching")).isEqualTo("true");
        assertThat(whisper.field("CallSidToCoach")).isEqualTo(call.agentLeg());
        assertThat(whisper.field("Muted")).isEqualTo("false");

        idOf(join("adm-" + run, call, "BARGE", "+8613912340002").andExpect(status().isAccepted()));
        var barge = twilio.await(r -> r.path().endsWith("/Participants.json") && "+8613912340002".equals(r.field("To")));
        assertThat(barge.field("Coaching")).isNull();
        assertThat(barge.field("Muted")).isEqualTo("false");
        assertThat(twilio.matching(r -> r.path().endsWith("/Calls/" + call.agentLeg() + ".json"))).hasSize(1);
    }

    @Test
    void aBusySupervisorPhoneFailsTheSessionAndTheCallGoesOn() throws Exception {
        Connected call = connectedCall();
        long session = idOf(join("sup-" + run, call, "LISTEN", "+8613912340003").andExpect(status().isAccepted()));

        supervisorCallback(session, randomSid("CA"), "busy", 0, Instant.now());

        var failed = log.find(session).orElseThrow();
        assertThat(failed.status()).isEqualTo(SupervisionStatus.FAILED);
        assertThat(failed.failure()).isEqualTo("supervisor-phone-busy");
        assertThat(recorded(call.contact().id(), ContactStatus.CONNECTED).agent()).isEqualTo(agent);
    }

    @Test
    void twilioRefusingTheParticipantIsAProblemAndAFailedEntryAndAPhoneTwilioCannotRingIsBadInput() throws Exception {
        Connected call = connectedCall();
        twilio.failFor("+8613912340004", new FakeTwilioApi.Failure(400, 21217, "Phone number is not a valid phone number"));

        join("sup-" + run, call, "LISTEN", "+8613912340004").andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("telephony-unavailable"));
        assertThat(log.recent(call.contact().id().value(), 5)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(SupervisionStatus.FAILED);
            assertThat(e.failure()).isEqualTo("telephony-unavailable");
        });

        join("sup-" + run, call, "LISTEN", "2101").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-input"));
    }

    @Test
    void aCallWhoseAgentLegTwilioDoesNotKnowCannotBeJoined() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER))).andExpect(status().isOk());
        var contact = contactOfCall(callSid);
        await().atMost(Duration.ofSeconds(5)).until(() -> contact.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(contact.id(), agent);
        mvc.perform(signed("/twilio/voice/status?contact=" + contact.id() + "&agent=" + agent,
                agentLeg(randomSid("CA"), callSid, "in-progress", 0, Instant.now()))).andExpect(status().isNoContent());
        recorded(callSid, ContactStatus.CONNECTED);

        mvc.perform(post("/api/supervision/calls/" + contact.id()).with(user("sup-" + run).roles("SUPERVISOR"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mode\":\"LISTEN\",\"phone\":\"+8613912340005\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("call-not-live"));
        assertThat(twilio.matching(r -> r.path().endsWith("/Participants.json")
                && "+8613912340005".equals(r.field("To")))).isEmpty();
    }

    private Connected connectedCall() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER))).andExpect(status().isOk());
        var contact = contactOfCall(callSid);
        await().atMost(Duration.ofSeconds(5)).until(() -> contact.id().equals(presence.status(agent).pendingOffer()));
        presence.accept(contact.id(), agent);
        twilio.await(r -> r.path().contains(callSid));
        String leg = randomSid("CA");
        mvc.perform(signed("/twilio/voice/status?contact=" + contact.id() + "&agent=" + agent,
                agentLeg(leg, callSid, "in-progress", 0, Instant.now()))).andExpect(status().isNoContent());
        twilio.answeredChild(callSid, leg);
        return new Connected(recorded(callSid, ContactStatus.CONNECTED), callSid, leg);
    }

    private ResultActions join(String supervisor, Connected call, String mode, String phone) throws Exception {
        return mvc.perform(post("/api/supervision/calls/" + call.contact().id())
                .with(user(supervisor).roles(supervisor.startsWith("adm-") ? "ADMIN" : "SUPERVISOR")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mode\":\"" + mode + "\",\"phone\":\"" + phone + "\"}"));
    }

    private static String dialAction(Connected call) {
        return "/twilio/voice/dial?contact=" + call.contact().id() + "&agent=" + call.contact().agent();
    }

    /** The caller's dial action once the agent's leg was redirected out of the {@code <Dial>}. */
    private static Map<String, String> dialOver(Connected call) {
        var p = new LinkedHashMap<>(callStatus(call.callSid(), "in-progress", 0, timestamp(Instant.now()), 2));
        p.put("DialCallSid", call.agentLeg());
        p.put("DialCallStatus", "completed");
        p.put("DialCallDuration", "30");
        return p;
    }

    /** A status callback of the supervisor's participant call (Direction outbound-api, call-progress events). */
    private void supervisorCallback(long session, String legSid, String status, int duration, Instant at)
            throws Exception {
        var p = new LinkedHashMap<>(callStatus(legSid, status, duration, timestamp(at), 1));
        p.put("Direction", "outbound-api");
        p.put("CallbackSource", "call-progress-events");
        p.put("From", AGENT_NUMBER);
        mvc.perform(signed("/twilio/voice/supervision?session=" + session, p)).andExpect(status().isNoContent());
    }

    private static long idOf(ResultActions result) throws Exception {
        var m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*(\\d+)")
                .matcher(result.andReturn().getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
