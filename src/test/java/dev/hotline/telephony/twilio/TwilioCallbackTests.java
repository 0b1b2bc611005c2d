package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.Callback;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Queued callback through Twilio at the wire: the ringback TwiML carries the offer in a {@code <Gather>}, Twilio posts
 * the caller's digits signed with the parameters it sends for a {@code <Gather>} result, the caller's hang-up after the
 * goodbye leaves the contact waiting at its place, and an agent's accept creates the call-back on {@link FakeTwilioApi}
 * (the agent first, then the number the caller left).
 */
class TwilioCallbackTests extends TwilioTestSupport {

    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 1_000_000);
    /** Where this class's callbacks go when a test is over: a waiting callback outlives its caller's hang-up. */
    private static final String DONE_QUEUE = "twilio-callbacks-done";
    static final String TONE = PUBLIC_BASE_URL + "/twilio/ringback.wav";

    /** What a waiting caller gets by default: 6 rings (30 s at 5 s a ring), the offer, then ringback on. */
    static String ringbackWithOffer(ContactId contact) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Gather action=\"" + PUBLIC_BASE_URL + "/twilio/voice/callback?contact=" + contact
                + "\" method=\"POST\" numDigits=\"1\" timeout=\"5\"><Play loop=\"6\">" + TONE + "</Play>"
                + "<Say language=\"zh-CN\">不想等待？请按 1，我们将给您回电，您的排队顺序保持不变。</Say></Gather>"
                + "<Play loop=\"0\">" + TONE + "</Play></Response>";
    }

    @Test
    void theCallerPressesOneThenKeepsTheirOwnNumberAndTheHangUpAfterTheGoodbyeAbandonsNothing() throws Exception {
        String callSid = randomSid("CA");
        String caller = newPhone();
        var answer = mvc.perform(signed("/twilio/voice", incomingCall(callSid, caller, WAITING_NUMBER)))
                .andExpect(status().isOk()).andReturn();
        ContactId id = contactOfCall(callSid).id();
        assertThat(answer.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).isXmlEqualTo(ringbackWithOffer(id));

        mvc.perform(signed("/twilio/voice/callback?contact=" + id, gathered(callSid, caller, "1")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<Gather action=\"" + PUBLIC_BASE_URL
                        + "/twilio/voice/callback/number?contact=" + id + "\" finishOnKey=\"#\" method=\"POST\" timeout=\"8\">")));
        mvc.perform(signed("/twilio/voice/callback/number?contact=" + id, gathered(callSid, caller, "1")))
                .andExpect(status().isOk())
                .andExpect(content().xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say language=\"zh-CN\">"
                        + "好的，轮到您时我们会给您回电。再见。</Say><Hangup/></Response>"));
        assertThat(routing.callback(id)).contains(new Callback(caller, "twilio", 0));

        // Twilio reports the caller's leg completed after the goodbye: the contact keeps waiting
        mvc.perform(signed("/twilio/voice/status", SignedWebhooks.callStatus(callSid, "completed", 40,
                SignedWebhooks.timestamp(Instant.now()), 3))).andExpect(status().isNoContent());
        assertThat(routing.status(id)).isEqualTo(RoutingStatus.WAITING);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(contacts.history(id)).extracting(ContactHistoryView::action).contains("CALLBACK_REQUEST"));
        assertThat(contacts.find(id).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
        assertThat(contacts.history(id)).extracting(ContactHistoryView::action).doesNotContain("ABANDONED", "ENDED");
    }

    @Test
    void aKeyedInNumberIsReadWithLibphonenumberAndANumberThatIsNoneIsAskedForAgain() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, "+8613800138000", WAITING_NUMBER)))
                .andExpect(status().isOk());
        ContactId id = contactOfCall(callSid).id();

        mvc.perform(signed("/twilio/voice/callback/number?contact=" + id, gathered(callSid, "+8613800138000", "12345")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("您输入的号码无效。")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/twilio/voice/callback/number?contact=")));
        assertThat(routing.callback(id)).isEmpty();

        mvc.perform(signed("/twilio/voice/callback/number?contact=" + id, gathered(callSid, "+8613800138000", "13912345678")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<Hangup/>")));
        assertThat(routing.callback(id).orElseThrow().number()).isEqualTo("+8613912345678");
    }

    @Test
    void anyOtherKeyAtTheOfferKeepsTheCallerWaitingOnRingback() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, "+8613800138000", WAITING_NUMBER)))
                .andExpect(status().isOk());
        ContactId id = contactOfCall(callSid).id();
        mvc.perform(signed("/twilio/voice/callback?contact=" + id, gathered(callSid, "+8613800138000", "5")))
                .andExpect(status().isOk()).andExpect(content().xml(TwilioVoiceWebhookTests.RINGBACK));
        assertThat(routing.callback(id)).isEmpty();
        mvc.perform(SignedWebhooks.unsigned("/twilio/voice/callback/number?contact=" + id,
                gathered(callSid, "+8613800138000", "1"))).andExpect(status().isForbidden());
        assertThat(routing.callback(id)).isEmpty();
    }

    @Test
    void anAcceptedCallbackRingsTheAgentThenTheNumberLeftAndRetriesACustomerWhoDoesNotAnswer() throws Exception {
        String callSid = randomSid("CA");
        String caller = newPhone();
        ContactId id = callbackLeftBy(callSid, caller);
        mvc.perform(signed("/twilio/voice/status", SignedWebhooks.callStatus(callSid, "completed", 35,
                SignedWebhooks.timestamp(Instant.now()), 3))).andExpect(status().isNoContent());

        String agentPhone = agentServingTheWaitingQueue();
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));
        presence.accept(id, agent);

        var created = twilio.await(r -> r.path().endsWith("/Calls.json") && agentPhone.equals(r.field("To")));
        String query = "?contact=" + id + "&agent=" + agent;
        assertThat(created.field("From")).isEqualTo(WAITING_NUMBER);
        assertThat(created.field("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + TwilioOutboundCalls.AGENT_LEG + query);
        assertThat(created.field("Twiml")).contains(">" + caller + "</Number>");

        // the customer does not answer: one attempt used, the agent free again, the callback waits for its retry
        mvc.perform(signed(TwilioOutboundCalls.DIAL_OVER + query, dialOver("no-answer"))).andExpect(status().isOk());
        assertThat(routing.callback(id).orElseThrow().attemptsMade()).isEqualTo(1);
        assertThat(routing.status(id)).isEqualTo(RoutingStatus.WAITING);
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(contacts.history(id))
                .filteredOn(h -> "CALLBACK_MISSED".equals(h.action())).extracting(ContactHistoryView::detail)
                .singleElement().asString().contains("customer-no-answer", "attempt 1 of 3"));
        assertThat(contacts.find(id).orElseThrow().status()).isEqualTo(ContactStatus.WAITING);
    }

    @Test
    void theCustomerAnsweringTheCallBackConnectsTheContactAndTheHangUpEndsItAnswered() throws Exception {
        String callSid = randomSid("CA");
        String caller = newPhone();
        ContactId id = callbackLeftBy(callSid, caller);
        String agentPhone = agentServingTheWaitingQueue();
        await().atMost(Duration.ofSeconds(10)).until(() -> id.equals(presence.status(agent).pendingOffer()));
        presence.accept(id, agent);
        twilio.await(r -> r.path().endsWith("/Calls.json") && agentPhone.equals(r.field("To")));
        String query = "?contact=" + id + "&agent=" + agent;

        mvc.perform(signed(TwilioOutboundCalls.CUSTOMER_LEG + query, leg("in-progress"))).andExpect(status().isNoContent());
        recorded(id, ContactStatus.CONNECTED);
        mvc.perform(signed(TwilioOutboundCalls.DIAL_OVER + query, dialOver("completed"))).andExpect(status().isOk());
        mvc.perform(signed(TwilioOutboundCalls.AGENT_LEG + query, leg("completed"))).andExpect(status().isNoContent());

        var ended = recorded(id, ContactStatus.ENDED);
        assertThat(ended.outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(ended.agent()).isEqualTo(agent);
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
        assertThat(contacts.history(id)).extracting(ContactHistoryView::action)
                .containsSubsequence("QUEUED", "CALLBACK_REQUEST", "OFFERED", "ACCEPTED", "ANSWERED", "ANSWERED");
    }

    @org.junit.jupiter.api.BeforeEach
    void noCallbackLeftWaiting() {
        queue(DONE_QUEUE, Map.of("twilio-nobody-serves-done-callbacks", 5));
        // earlier tests' callbacks would be first in line for this test's agent: moved where nobody serves
        for (var c : contacts.search(ContactStatus.WAITING, WAITING_QUEUE, null, null, null,
                org.springframework.data.domain.PageRequest.of(0, 500))) {
            if (routing.callback(c.id()).isPresent()) {
                routing.transfer(c.id(), DONE_QUEUE);
            }
        }
    }

    /** A {@code <Gather>} result as Twilio posts it to the action URL. */
    private static Map<String, String> gathered(String callSid, String from, String digits) {
        var p = new LinkedHashMap<String, String>();
        p.put("AccountSid", ACCOUNT_SID);
        p.put("ApiVersion", "2010-04-01");
        p.put("CallSid", callSid);
        p.put("CallStatus", "in-progress");
        p.put("Called", WAITING_NUMBER);
        p.put("Caller", from);
        p.put("Digits", digits);
        p.put("Direction", "inbound");
        p.put("FinishedOnKey", digits.length() > 1 ? "#" : "");
        p.put("From", from);
        p.put("To", WAITING_NUMBER);
        p.put("msg", "Gather End");
        return p;
    }

    private static Map<String, String> leg(String status) {
        return TwilioOutboundCallTests.leg(randomSid("CA"), status, Instant.now());
    }

    private static Map<String, String> dialOver(String dialStatus) {
        return TwilioOutboundCallTests.dialOver(dialStatus);
    }

    /** A new call whose caller pressed 1 and kept their own number: a callback waiting in the waiting queue. */
    private ContactId callbackLeftBy(String callSid, String caller) throws Exception {
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, caller, WAITING_NUMBER))).andExpect(status().isOk());
        ContactId id = contactOfCall(callSid).id();
        mvc.perform(signed("/twilio/voice/callback/number?contact=" + id, gathered(callSid, caller, "1")))
                .andExpect(status().isOk());
        return id;
    }

    /** An agent reached on a mobile phone who serves the queue test calls wait in. */
    private String agentServingTheWaitingQueue() {
        agent = "tw-cb-" + PHONES.incrementAndGet();
        String phone = newPhone();
        administration.saveAgent(new AgentProfile(agent, agent, Map.of("twilio-nobody-has-this", 5), null, phone,
                null, 1, 3, 0));
        presence.login(agent);
        return phone;
    }

    private static String newPhone() {
        return "+86139" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
    }
}
