package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactDirection;
import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.AgentState;
import dev.hotline.shared.ContactId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static dev.hotline.telephony.twilio.SignedWebhooks.ACCOUNT_SID;
import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Click-to-call through Twilio at the wire: the Call endpoint creates the call on {@link FakeTwilioApi} (the SDK's real
 * request, checked against the parameters Twilio documents for Calls create), then Twilio's signed callbacks of the
 * agent's leg, the customer's leg and the {@code <Dial>} action drive the contact.
 */
class TwilioOutboundCallTests extends TwilioTestSupport {

    private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createsTheCallToTheAgentWithTwimlThatDialsTheCustomerAndRecordsTheOutboundContact() throws Exception {
        String agentPhone = agentWithPhone();
        String customerPhone = newPhone();
        long customer = customer(customerPhone);

        ContactId id = call(customer);

        var created = twilio.await(r -> r.path().endsWith("/Calls.json") && agentPhone.equals(r.field("To")));
        assertThat(created.method()).isEqualTo("POST");
        assertThat(created.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Calls.json");
        assertThat(created.field("From")).isEqualTo(WAITING_NUMBER);
        assertThat(created.field("Timeout")).isEqualTo("30");
        String query = "?contact=" + id + "&agent=" + agent;
        assertThat(created.field("StatusCallback")).isEqualTo(PUBLIC_BASE_URL + TwilioOutboundCalls.AGENT_LEG + query);
        assertThat(created.all("StatusCallbackEvent")).containsExactly("initiated", "ringing", "answered", "completed");
        assertThat(created.field("Twiml"))
                .contains("<Dial action=\"" + PUBLIC_BASE_URL + TwilioOutboundCalls.DIAL_OVER + query.replace("&", "&amp;")
                        + "\" callerId=\"" + WAITING_NUMBER + "\" timeout=\"45\">")
                .contains("<Number statusCallback=\"" + PUBLIC_BASE_URL + TwilioOutboundCalls.CUSTOMER_LEG
                        + query.replace("&", "&amp;") + "\" statusCallbackEvent=\"answered\">" + customerPhone + "</Number>");
        assertThat(created.authorization()).startsWith("Basic ");
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.BUSY);
        var contact = contacts.find(id).orElseThrow();
        assertThat(contact.direction()).isEqualTo(ContactDirection.OUTBOUND);
        assertThat(contact.customerId()).isEqualTo(customer);

        Instant answered = Instant.now().minusSeconds(1);
        mvc.perform(signed(TwilioOutboundCalls.CUSTOMER_LEG + query, leg(randomSid("CA"), "in-progress", answered)))
                .andExpect(status().isNoContent());
        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.find(id).orElseThrow().answeredAt() != null);
        mvc.perform(signed(TwilioOutboundCalls.DIAL_OVER + query, dialOver("completed")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("<Hangup/>")));
        mvc.perform(signed(TwilioOutboundCalls.AGENT_LEG + query, leg(randomSid("CA"), "completed", Instant.now())))
                .andExpect(status().isNoContent());

        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.find(id).orElseThrow().isFinal());
        assertThat(contacts.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void anAgentPhoneThatIsBusyEndsTheCallAndFreesTheAgent() throws Exception {
        agentWithPhone();
        ContactId id = call(customer(newPhone()));

        mvc.perform(signed(TwilioOutboundCalls.AGENT_LEG + "?contact=" + id + "&agent=" + agent,
                leg(randomSid("CA"), "busy", Instant.now()))).andExpect(status().isNoContent());

        assertFailed(id, "agent-phone-busy");
    }

    @Test
    void aCustomerWhoDoesNotAnswerEndsTheCallAndFreesTheAgent() throws Exception {
        agentWithPhone();
        ContactId id = call(customer(newPhone()));

        mvc.perform(signed(TwilioOutboundCalls.DIAL_OVER + "?contact=" + id + "&agent=" + agent, dialOver("no-answer")))
                .andExpect(status().isOk());

        assertFailed(id, "customer-no-answer");
        // Twilio then reports the agent's leg completed: nothing more happens
        mvc.perform(signed(TwilioOutboundCalls.AGENT_LEG + "?contact=" + id + "&agent=" + agent,
                leg(randomSid("CA"), "completed", Instant.now()))).andExpect(status().isNoContent());
        assertThat(contacts.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.FAILED);
    }

    @Test
    void twilioDownGivesAClearProblemAndFreesTheAgent() throws Exception {
        String agentPhone = agentWithPhone();
        twilio.failFor(agentPhone, new FakeTwilioApi.Failure(503, 20500, "Service Unavailable"));
        long customer = customer(newPhone());

        mvc.perform(post("/api/followup/customers/" + customer + "/call").with(user(agent).roles("AGENT")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.code").value("telephony-unavailable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Twilio did not place the call")));

        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        var ended = contacts.search(null, null, null, customer, null, org.springframework.data.domain.PageRequest.of(0, 5))
                .getContent();
        assertThat(ended).singleElement().satisfies(c -> assertFailed(c.id(), "provider-unavailable"));
    }

    @Test
    void forgedCallbacksChangeNothing() throws Exception {
        agentWithPhone();
        ContactId id = call(customer(newPhone()));

        mvc.perform(SignedWebhooks.unsigned(TwilioOutboundCalls.AGENT_LEG + "?contact=" + id + "&agent=" + agent,
                leg(randomSid("CA"), "busy", Instant.now()))).andExpect(status().isForbidden());

        assertThat(presence.status(agent).state()).isEqualTo(AgentState.BUSY);
        mvc.perform(signed(TwilioOutboundCalls.AGENT_LEG + "?contact=" + id + "&agent=" + agent,
                leg(randomSid("CA"), "no-answer", Instant.now()))).andExpect(status().isNoContent());
        assertFailed(id, "agent-no-answer");
    }

    private void assertFailed(ContactId id, String reason) {
        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.find(id).orElseThrow().isFinal());
        assertThat(contacts.find(id).orElseThrow().outcome()).isEqualTo(ContactOutcome.FAILED);
        await().atMost(Duration.ofSeconds(10)).until(() -> contacts.history(id).stream()
                .anyMatch(h -> "FAILED".equals(h.action()) && reason.equals(h.detail())));
        assertThat(presence.status(agent).state()).isEqualTo(AgentState.AVAILABLE);
        assertThat(contacts.history(id)).extracting(ContactHistoryView::action).doesNotContain("QUEUED", "OFFERED");
    }

    private ContactId call(long customer) throws Exception {
        var result = mvc.perform(post("/api/followup/customers/" + customer + "/call").with(user(agent).roles("AGENT"))
                        .with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.provider").value("twilio"))
                .andReturn();
        var m = java.util.regex.Pattern.compile("\"contactId\"\\s*:\\s*(\\d+)")
                .matcher(result.getResponse().getContentAsString());
        assertThat(m.find()).isTrue();
        return new ContactId(Long.parseLong(m.group(1)));
    }

    /** A logged-in agent reached on a mobile phone, serving no queue anyone else uses. */
    private String agentWithPhone() {
        agent = "tw-out-" + PHONES.incrementAndGet();
        String phone = newPhone();
        administration.saveAgent(new AgentProfile(agent, agent, Map.of("twilio-outbound-" + agent, 1), null, phone,
                null, 1, 3, 0));
        presence.login(agent);
        return phone;
    }

    private static String newPhone() {
        return "+86137" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000L);
    }

    private long customer(String phone) {
        return dev.hotline.ArchiveRows.customerWithPhone(jdbc, "回电 " + phone, phone);
    }

    /** A status callback of an outbound leg, as Twilio posts it. */
    static Map<String, String> leg(String sid, String status, Instant at) {
        var p = new java.util.LinkedHashMap<>(SignedWebhooks.callStatus(sid, status, 0, SignedWebhooks.timestamp(at), 1));
        p.put("Direction", "outbound-api");
        return p;
    }

    /** The {@code <Dial>} action request: how the dial to the customer ended. */
    static Map<String, String> dialOver(String dialStatus) {
        var p = new java.util.LinkedHashMap<String, String>();
        p.put("AccountSid", ACCOUNT_SID);
        p.put("CallSid", randomSid("CA"));
        p.put("CallStatus", "in-progress");
        p.put("DialCallStatus", dialStatus);
        p.put("DialCallDuration", "0");
        p.put("Direction", "outbound-api");
        return p;
    }
}
