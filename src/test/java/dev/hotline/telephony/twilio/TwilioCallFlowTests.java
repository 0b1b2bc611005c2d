package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.agentLeg;
import static dev.hotline.telephony.twilio.SignedWebhooks.AUTH_TOKEN;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.callStatus;
import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Webhook in → offer → accept → the live call redirected to the agent → signed callbacks → answered on ring N. */
class TwilioCallFlowTests extends TwilioTestSupport {

    static final String CALLER = "+8613700137000";


    String clientIdentity;

    @BeforeEach
    void oneAgentServesTheAgentQueue() {
        String skill = "twilio-" + UUID.randomUUID().toString().substring(0, 8);
        queue(AGENT_QUEUE, Map.of(skill, 1));
        agent = "tw." + UUID.randomUUID().toString().substring(0, 8);
        clientIdentity = "softphone-" + agent;
        administration.saveAgent(new AgentProfile(agent, "Agent " + agent, Map.of(skill, 3), null, null,
                clientIdentity, 1, 3, 0));
        presence.login(agent);
    }

    @Test
    void connectsTheCallerToTheAcceptingAgentAndCountsRingsFromArrival() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER))).andExpect(status().isOk());
        var contact = contactOfCall(callSid);
        assertThat(contact.queue()).isEqualTo(AGENT_QUEUE);
        assertThat(eventually(() -> presence.status(agent).pendingOffer())).isEqualTo(contact.id());

        presence.accept(contact.id(), agent);

        var redirect = twilio.await(r -> r.path().contains(callSid));
        assertThat(redirect.method()).isEqualTo("POST");
        assertThat(redirect.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls/" + callSid + ".json");
        assertThat(redirect.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        String legCallback = "/twilio/voice/status?contact=" + contact.id() + "&agent=" + agent;
        assertThat(redirect.field("Twiml")).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Dial action=\"" + PUBLIC_BASE_URL + "/twilio/voice/dial?contact=" + contact.id() + "&amp;agent=" + agent
                + "\" answerOnBridge=\"true\" timeout=\"20\">"
                + "<Client statusCallback=\"" + PUBLIC_BASE_URL + legCallback.replace("&", "&amp;")
                + "\" statusCallbackEvent=\"answered completed\">" + clientIdentity + "</Client></Dial></Response>");
        assertThat(recorded(callSid, ContactStatus.OFFERED).answeredAt()).isNull();   // not answered by the accept

        Instant arrived = contact.arrivedAt().truncatedTo(ChronoUnit.SECONDS);
        String agentLeg = randomSid("CA");
        mvc.perform(signed(legCallback, agentLeg(agentLeg, callSid, "in-progress", 0, arrived.plusSeconds(8))))
                .andExpect(status().isNoContent());

        var answered = recorded(callSid, ContactStatus.CONNECTED);
        assertThat(answered.agent()).isEqualTo(agent);
        assertThat(answered.answeredAt()).isEqualTo(arrived.plusSeconds(8));
        assertThat(answered.ringsToAnswer()).isEqualTo(2);   // 7-8 s after arrival, 5 s rings

        var dialOver = new LinkedHashMap<>(agentLeg(agentLeg, callSid, "completed", 95, arrived.plusSeconds(103)));
        dialOver.put("DialCallSid", agentLeg);
        dialOver.put("DialCallStatus", "completed");
        dialOver.put("DialCallDuration", "95");
        dialOver.put("CallSid", callSid);
        mvc.perform(signed("/twilio/voice/dial?contact=" + contact.id() + "&agent=" + agent, dialOver))
                .andExpect(status().isOk())
                .andExpect(content().xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>"));
        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 104, timestamp(arrived.plusSeconds(104)), 2)))
                .andExpect(status().isNoContent());

        var ended = recorded(callSid, ContactStatus.ENDED);
        assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(ended.endedAt()).isEqualTo(arrived.plusSeconds(104));
        assertThat(eventually(() -> presence.status(agent).state() == AgentState.WRAP_UP ? true : null)).isTrue();
    }

    @Test
    void agentLegCallbacksOutOfOrderAnswerOnceAtTheRealTime() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER))).andExpect(status().isOk());
        var contact = contactOfCall(callSid);
        eventually(() -> presence.status(agent).pendingOffer());
        presence.accept(contact.id(), agent);
        twilio.await(r -> r.path().contains(callSid));

        Instant arrived = contact.arrivedAt().truncatedTo(ChronoUnit.SECONDS);
        String legCallback = "/twilio/voice/status?contact=" + contact.id() + "&agent=" + agent;
        String agentLeg = randomSid("CA");
        // the leg's "completed" (answered 12 s after arrival, talked 40 s) overtakes its "in-progress"
        mvc.perform(signed(legCallback, agentLeg(agentLeg, callSid, "completed", 40, arrived.plusSeconds(52))))
                .andExpect(status().isNoContent());
        mvc.perform(signed(legCallback, agentLeg(agentLeg, callSid, "in-progress", 0, arrived.plusSeconds(12))))
                .andExpect(status().isNoContent());
        mvc.perform(signed(legCallback, agentLeg(agentLeg, callSid, "in-progress", 0, arrived.plusSeconds(12))))
                .andExpect(status().isNoContent());

        var answered = recorded(callSid, ContactStatus.CONNECTED);
        assertThat(answered.answeredAt()).isEqualTo(arrived.plusSeconds(12));
        assertThat(answered.ringsToAnswer()).isEqualTo(3);
        assertThat(contacts.history(contact.id())).filteredOn(h -> h.action().equals("ANSWERED")).hasSize(1);

        for (int i = 0; i < 2; i++) {
            mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 53, timestamp(arrived.plusSeconds(53)), 4)))
                    .andExpect(status().isNoContent());
        }
        assertThat(recorded(callSid, ContactStatus.ENDED).outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(contacts.history(contact.id())).filteredOn(h -> h.action().equals("ANSWERED")).hasSize(2);   // answer + end
    }

    @Test
    void aCallThatCannotBeRedirectedGoesBackToTheQueueAndFreesTheAgent() throws Exception {
        String callSid = randomSid("CA");
        twilio.failFor(callSid, new FakeTwilioApi.Failure(404, 20404, "The requested resource was not found"));
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, AGENT_NUMBER))).andExpect(status().isOk());
        var contact = contactOfCall(callSid);
        eventually(() -> presence.status(agent).pendingOffer());

        presence.accept(contact.id(), agent);

        twilio.await(r -> r.path().contains(callSid));
        assertThat(eventually(() -> presence.status(agent).activeContacts().isEmpty() ? true : null)).isTrue();
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        // the record follows routing's journal: wait for the requeue to be written, then for the status it leaves
        assertThat(eventually(() -> contacts.history(contact.id()).stream()
                .filter(h -> h.action().equals("REQUEUED")).findFirst().orElse(null)).detail()).isEqualTo("connect-failed");
        assertThat(eventually(() -> contactOfCall(callSid).status() == ContactStatus.WAITING ? true : null)).isTrue();
    }

    @Test
    void overflowDialsTheOnCallPhone() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, WAITING_NUMBER))).andExpect(status().isOk());

        routing.overflow(contactOfCall(callSid).id(), "+8613900139000");

        var redirect = twilio.await(r -> r.path().contains(callSid));
        assertThat(redirect.field("Twiml")).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Dial answerOnBridge=\"true\"><Number>+8613900139000</Number></Dial></Response>");
    }

    /** Polls briefly for routing's and the executor's results (no fixed sleeps). */
    private static <T> T eventually(Supplier<T> value) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            T v = value.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("timed out");
    }
}
