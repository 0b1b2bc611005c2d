package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.agentLeg;
import static dev.hotline.telephony.twilio.SignedWebhooks.callStatus;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Hold, resume and blind transfer of Twilio calls at the wire: the app updates the caller's call through the REST fake
 * (as the SDK sends it) and the test posts what Twilio posts after such an update: the ended {@code <Dial>}'s action
 * request and the old agent leg's "completed" status callback.
 */
class TwilioTransferHoldTests extends TwilioTestSupport {

    static final String CALLER = "+8613700137111";
    static final String MUSIC = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Play loop=\"0\">"
            + "http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3</Play></Response>";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final List<String> others = new ArrayList<>();
    String target;

    @BeforeEach
    void oneAgentServesTheAgentQueueAndAnotherATargetQueue() {
        String skill = "twilio-th-" + run;
        queue(AGENT_QUEUE, Map.of(skill, 1));
        agent = "th." + run;
        administration.saveAgent(new AgentProfile(agent, agent, Map.of(skill, 3), null, null, "softphone-" + agent,
                1, 3, 0));
        presence.login(agent);
        target = "twilio-target-" + run;
        queue(target, Map.of(target, 1));
    }

    @AfterEach
    void retireTheOthers() {
        for (ContactStatus s : new ContactStatus[] {ContactStatus.WAITING, ContactStatus.OFFERED, ContactStatus.CONNECTED}) {
            contacts.search(s, target, null, null, null, org.springframework.data.domain.PageRequest.of(0, 50))
                    .forEach(c -> routing.callerHungUp(c.id(), null));
        }
        others.forEach(a -> retire(presence, a));
    }

    @Test
    void holdPlaysMusicToTheCallerAndResumeDialsTheSameAgentAgain() throws Exception {
        String callSid = randomSid("CA");
        var contact = connected(callSid);

        routing.hold(contact.id(), agent, true);

        var held = twilio.await(r -> r.path().contains(callSid) && MUSIC.equals(r.field("Twiml")));
        assertThat(held.method()).isEqualTo("POST");
        twilioEndsTheDial(callSid, contact, agent, randomSid("CA"));

        routing.hold(contact.id(), agent, false);

        // the second <Dial> of this call (the first connected the agent on accept)
        java.util.function.Predicate<FakeTwilioApi.Captured> dial = r -> r.path().contains(callSid)
                && r.field("Twiml").contains("<Dial");
        await().atMost(Duration.ofSeconds(5)).until(() -> twilio.matching(dial).size() == 2);
        var resumed = twilio.matching(dial).get(1);
        assertThat(resumed.field("Twiml")).contains(">softphone-" + agent + "</Client>")
                .contains("action=\"" + PUBLIC_BASE_URL + "/twilio/voice/dial?contact=" + contact.id());
        String legCallback = "/twilio/voice/status?contact=" + contact.id() + "&agent=" + agent;
        mvc.perform(signed(legCallback, agentLeg(randomSid("CA"), callSid, "in-progress", 0, Instant.now())))
                .andExpect(status().isNoContent());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(contacts.history(contact.id())).extracting(ContactHistoryView::action)
                    .containsSubsequence("HELD", "RESUMED");
            assertThat(contacts.find(contact.id()).orElseThrow().status()).isEqualTo(ContactStatus.CONNECTED);
        });
        assertThat(contacts.find(contact.id()).orElseThrow().answeredAt()).isEqualTo(contact.answeredAt());
    }

    @Test
    void aHoldTwilioRefusesIsUndone() throws Exception {
        String callSid = randomSid("CA");
        var contact = connected(callSid);
        twilio.failFor(callSid, new FakeTwilioApi.Failure(400, 21220, "Call is not in-progress. Cannot redirect."));

        routing.hold(contact.id(), agent, true);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(contacts.history(contact.id()))
                .extracting(ContactHistoryView::action).containsSubsequence("HELD", "RESUMED"));
    }

    @Test
    void aBlindTransferPlaysMusicUntilTheNextAgentOfTheTargetQueueAnswers() throws Exception {
        String callSid = randomSid("CA");
        var contact = connected(callSid);
        String second = otherAgent("th2." + run, target);

        routing.transfer(contact.id(), agent, target, null);

        twilio.await(r -> r.path().contains(callSid) && MUSIC.equals(r.field("Twiml")));
        twilioEndsTheDial(callSid, contact, agent, randomSid("CA"));
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);

        await().atMost(Duration.ofSeconds(5)).until(() -> contact.id().equals(presence.status(second).pendingOffer()));
        presence.accept(contact.id(), second);
        twilio.await(r -> r.path().contains(callSid) && r.field("Twiml").contains(">softphone-" + second + "</Client>"));
        String legCallback = "/twilio/voice/status?contact=" + contact.id() + "&agent=" + second;
        mvc.perform(signed(legCallback, agentLeg(randomSid("CA"), callSid, "in-progress", 0, Instant.now())))
                .andExpect(status().isNoContent());
        var now = recorded(contact.id(), ContactStatus.CONNECTED);
        assertThat(now.agent()).isEqualTo(second);
        assertThat(now.queue()).isEqualTo(target);

        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 120, timestamp(Instant.now()), 3)))
                .andExpect(status().isNoContent());
        var ended = recorded(contact.id(), ContactStatus.ENDED);
        assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(ended.agent()).isEqualTo(second);
        assertThat(ended.answeredAt()).isEqualTo(contact.answeredAt());
    }

    @Test
    void theCallerHangingUpWhileTheNamedAgentRingsEndsTheContactAndFreesBoth() throws Exception {
        String callSid = randomSid("CA");
        var contact = connected(callSid);
        String named = otherAgent("th3." + run, "nowhere-" + run);

        routing.transfer(contact.id(), agent, null, named);
        twilio.await(r -> r.path().contains(callSid) && MUSIC.equals(r.field("Twiml")));
        assertThat(presence.status(named).pendingOffer()).isEqualTo(contact.id());

        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 60, timestamp(Instant.now()), 3)))
                .andExpect(status().isNoContent());

        var ended = recorded(contact.id(), ContactStatus.ENDED);
        assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(presence.status(named).pendingOffer()).isNull();
        assertThat(presence.status(named).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(presence.status(agent).activeContacts()).isEmpty();
    }

    /** A call in the agent queue, accepted and answered by the test's agent. */
    private ContactSnapshot connected(String callSid) throws Exception {
        return connectedCall(callSid, CALLER);
    }

    /**
     * What Twilio posts once an update took the caller out of its {@code <Dial>}: the old agent leg completes and the
     * dial's action URL is requested (its TwiML is not executed any more).
     */
    private void twilioEndsTheDial(String callSid, ContactSnapshot contact, String agent, String legSid) throws Exception {
        String legCallback = "/twilio/voice/status?contact=" + contact.id() + "&agent=" + agent;
        mvc.perform(signed(legCallback, agentLeg(legSid, callSid, "completed", 30, Instant.now())))
                .andExpect(status().isNoContent());
        var dialOver = new LinkedHashMap<>(agentLeg(legSid, callSid, "completed", 30, Instant.now()));
        dialOver.put("DialCallSid", legSid);
        dialOver.put("DialCallStatus", "completed");
        dialOver.put("DialCallDuration", "30");
        dialOver.put("CallSid", callSid);
        mvc.perform(signed("/twilio/voice/dial?contact=" + contact.id() + "&agent=" + agent, dialOver))
                .andExpect(status().isOk());
        assertThat(contacts.find(contact.id()).orElseThrow().status()).isNotEqualTo(ContactStatus.ENDED);
    }

    private String otherAgent(String name, String queue) {
        administration.saveAgent(new AgentProfile(name, name, Map.of(queue, 1), null, null, "softphone-" + name,
                1, 3, 0));
        presence.login(name);
        others.add(name);
        return name;
    }
}
