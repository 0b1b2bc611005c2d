package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.CallConsultation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static dev.hotline.telephony.twilio.SignedWebhooks.callStatus;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Consultative transfer of Twilio calls at the wire: the app places the two agents' calls into the consult's
 * conference through the REST fake (Calls create, as the SDK sends it), moves the caller into it on completion or ends
 * the consult calls ({@code Status=completed}) on return, and the test posts the signed status callbacks Twilio sends
 * for the consult legs.
 */
class TwilioConsultTests extends TwilioTestSupport {

    static final String CALLER = "+8613700137222";

    @Autowired
    CallConsultation consultation;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    String target;

    @BeforeEach
    void anAgentAndATargetWithSoftphones() {
        String skill = "twilio-consult-" + run;
        queue(AGENT_QUEUE, Map.of(skill, 1));
        agent = "tc." + run;
        administration.saveAgent(new AgentProfile(agent, agent, Map.of(skill, 3), null, null, "softphone-" + agent,
                1, 3, 0));
        presence.login(agent);
        target = "tc-target." + run;
        administration.saveAgent(new AgentProfile(target, target, Map.of("nowhere-" + run, 1), null, null,
                "softphone-" + target, 1, 3, 0));
        presence.login(target);
    }

    @AfterEach
    void retireTheTarget() {
        retire(presence, target);
    }

    @Test
    void aCompletedConsultMovesTheCallerIntoTheConferenceWithTheTargetAndEndsTheFirstAgentsCall() throws Exception {
        String callSid = randomSid("CA");
        var contact = connected(callSid);
        var legs = consulting(contact, callSid);

        consultation.complete(contact.id(), agent);

        var joined = twilio.await(r -> r.path().contains(callSid) && r.field("Twiml") != null
                && r.field("Twiml").contains(">hotline-consult-" + contact.id() + "</Conference>"));
        assertThat(joined.field("Twiml")).contains("endConferenceOnExit=\"true\"");
        twilio.await(r -> r.path().contains(legs[0]) && "completed".equals(r.field("Status")));
        assertThat(twilio.matching(r -> r.path().contains(legs[1]) && "completed".equals(r.field("Status")))).isEmpty();
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(presence.status(target).activeContacts()).containsExactly(contact.id());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(contacts.find(contact.id()).orElseThrow().agent()).isEqualTo(target));
        // the first agent's consult call reports its end: nothing changes for the target's call
        mvc.perform(signed("/twilio/voice/consult?contact=" + contact.id() + "&leg=agent",
                callStatus(legs[0], "completed", 40, timestamp(Instant.now()), 4))).andExpect(status().isNoContent());
        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 120, timestamp(Instant.now()), 3)))
                .andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            var ended = contacts.find(contact.id()).orElseThrow();
            assertThat(ended.status()).isEqualTo(ContactStatus.ENDED);
            assertThat(ended.agent()).isEqualTo(target);
        });
    }

    @Test
    void aReturnedConsultEndsBothConsultCallsAndDialsTheFirstAgentAgain() throws Exception {
        String callSid = randomSid("CA");
        var contact = connected(callSid);
        var legs = consulting(contact, callSid);

        consultation.returnToCaller(contact.id(), agent);

        twilio.await(r -> r.path().contains(legs[0]) && "completed".equals(r.field("Status")));
        twilio.await(r -> r.path().contains(legs[1]) && "completed".equals(r.field("Status")));
        twilio.await(r -> r.path().contains(callSid) && r.field("Twiml") != null
                && r.field("Twiml").contains(">softphone-" + agent + "</Client>") && twilio.matching(x ->
                x.path().contains(callSid) && x.field("Twiml") != null && x.field("Twiml").contains("<Dial")).size() == 2);
        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(agent).activeContacts()).containsExactly(contact.id());
        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 120, timestamp(Instant.now()), 3)))
                .andExpect(status().isNoContent());
    }

    @Test
    void aBusyTargetPhoneEndsTheConsultAndTheCallerStaysOnHold() throws Exception {
        String callSid = randomSid("CA");
        var contact = connected(callSid);
        var legs = consulting(contact, callSid);

        mvc.perform(signed("/twilio/voice/consult?contact=" + contact.id() + "&leg=target",
                callStatus(legs[1], "busy", 0, timestamp(Instant.now()), 2))).andExpect(status().isNoContent());

        assertThat(consultation.current(contact.id())).isEmpty();
        assertThat(presence.status(target).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(routing.heldSince(contact.id())).isNotNull();
        twilio.await(r -> r.path().contains(legs[0]) && "completed".equals(r.field("Status")));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contacts.history(contact.id()))
                .extracting(ContactHistoryView::detail).contains("failed: " + target + " target-phone-busy"));
        // a callback without a leg is refused, like every malformed Twilio webhook
        mvc.perform(signed("/twilio/voice/consult?contact=" + contact.id(),
                callStatus(legs[1], "busy", 0, timestamp(Instant.now()), 3))).andExpect(status().isBadRequest());
        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 120, timestamp(Instant.now()), 3)))
                .andExpect(status().isNoContent());
    }

    /** The agent consults the target, who accepts: the two consult calls' sids {agent's, target's}. */
    private String[] consulting(ContactSnapshot contact, String callSid) {
        consultation.consult(contact.id(), agent, null, target);
        twilio.await(r -> r.path().contains(callSid) && r.field("Twiml") != null && r.field("Twiml").contains("<Play"));
        consultation.accept(contact.id(), target);
        var agentCall = twilio.await(r -> r.path().endsWith("/Calls.json") && ("client:softphone-" + agent).equals(r.field("To")));
        var targetCall = twilio.await(r -> r.path().endsWith("/Calls.json") && ("client:softphone-" + target).equals(r.field("To")));
        for (var call : new FakeTwilioApi.Captured[] {agentCall, targetCall}) {
            assertThat(call.field("From")).isEqualTo(AGENT_NUMBER);
            assertThat(call.field("Twiml")).contains(">hotline-consult-" + contact.id() + "</Conference>");
        }
        assertThat(agentCall.field("StatusCallback")).endsWith("/twilio/voice/consult?contact=" + contact.id() + "&leg=agent");
        assertThat(targetCall.field("StatusCallback")).endsWith("/twilio/voice/consult?contact=" + contact.id() + "&leg=target");
        // the fake numbers its calls in order: the sids it answered with are in the later requests
        return await().atMost(Duration.ofSeconds(5)).until(() -> consultSids(contact), s -> s != null);
    }

    @Autowired
    ConsultCalls consultCalls;

    private String[] consultSids(ContactSnapshot contact) {
        return consultCalls.of(contact.id()).filter(c -> c.agentCallSid() != null && c.targetCallSid() != null)
                .map(c -> new String[] {c.agentCallSid(), c.targetCallSid()}).orElse(null);
    }

    private ContactSnapshot connected(String callSid) throws Exception {
        return connectedCall(callSid, CALLER);
    }
}
