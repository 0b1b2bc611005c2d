package dev.hotline.telephony.twilio;

import dev.hotline.contact.ContactOutcome;
import dev.hotline.contact.ContactStatus;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.LinkedHashMap;

import static dev.hotline.telephony.twilio.SignedWebhooks.PUBLIC_BASE_URL;
import static dev.hotline.telephony.twilio.SignedWebhooks.callStatus;
import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signature;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static dev.hotline.telephony.twilio.SignedWebhooks.timestamp;
import static dev.hotline.telephony.twilio.SignedWebhooks.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class TwilioVoiceWebhookTests extends TwilioTestSupport {

    static final String CALLER = "+8613800138000";
    static final String RINGBACK = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Play loop=\"0\">"
            + PUBLIC_BASE_URL + "/twilio/ringback.wav</Play></Response>";

    @Test
    void answersAnIncomingCallWithRingbackAndQueuesTheContact() throws Exception {
        String callSid = randomSid("CA");
        var answer = mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, WAITING_NUMBER)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_XML)).andReturn();

        var contact = contactOfCall(callSid);
        // ringback, with the queued-callback offer after 30 s (hotline.callback.offer=ALWAYS)
        org.assertj.core.api.Assertions.assertThat(answer.getResponse().getContentAsString())
                .isXmlEqualTo(TwilioCallbackTests.ringbackWithOffer(contact.id()));
        assertThat(contact.channel()).isEqualTo(Channel.VOICE);
        assertThat(contact.queue()).isEqualTo(WAITING_QUEUE);
        assertThat(contact.status()).isEqualTo(ContactStatus.WAITING);
        assertThat(contact.from()).isEqualTo(CALLER);
        assertThat(contact.to()).isEqualTo(WAITING_NUMBER);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** Issue 19: a caller id with punctuation and an extension (a SIP-trunked call) still finds the customer. */
    @Test
    void callerIdWithAnExtensionFindsTheCustomer() throws Exception {
        String local = String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(2_000_000, 10_000_000));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> con.prepareStatement("insert into customer (name, tier, created_at, updated_at) "
                + "values ('分机来电客户', 'REGULAR', now(), now())", new String[]{"id"}), keys);
        long customer = keys.getKey().longValue();
        jdbc.update("insert into customer_phone (customer_id, e164) values (?, ?)", customer, "+86795" + local);
        String callSid = randomSid("CA");

        mvc.perform(signed("/twilio/voice", incomingCall(callSid, "+86 (795) " + local + ";ext=1", WAITING_NUMBER)))
                .andExpect(status().isOk());

        assertThat(contactOfCall(callSid).customerId()).isEqualTo(customer);
    }

    @Test
    void retriedCallWebhookIsOneContact() throws Exception {
        String callSid = randomSid("CA");
        var params = incomingCall(callSid, CALLER, WAITING_NUMBER);
        mvc.perform(signed("/twilio/voice", params)).andExpect(status().isOk());
        var first = contactOfCall(callSid);
        mvc.perform(signed("/twilio/voice", params)).andExpect(status().isOk())
                .andExpect(content().xml(TwilioCallbackTests.ringbackWithOffer(first.id())));

        assertThat(contactOfCall(callSid).id()).isEqualTo(first.id());
        assertThat(contacts.history(first.id())).filteredOn(h -> h.action().equals("ARRIVED")).hasSize(1);
    }

    @Test
    void rejectsUnsignedWebhook() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(unsigned("/twilio/voice", incomingCall(callSid, CALLER, WAITING_NUMBER)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unsigned-webhook"));
        assertThat(contacts.findByExternalId("twilio", callSid)).isEmpty();
    }

    @Test
    void rejectsWebhookSignedWithAnotherTokenOrAlteredAfterSigning() throws Exception {
        String callSid = randomSid("CA");
        var params = incomingCall(callSid, CALLER, WAITING_NUMBER);
        mvc.perform(unsigned("/twilio/voice", params)
                        .header("X-Twilio-Signature", signature("someone-elses-token", PUBLIC_BASE_URL + "/twilio/voice", params)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("bad-signature"));

        String signedForOriginal = signature(SignedWebhooks.AUTH_TOKEN, PUBLIC_BASE_URL + "/twilio/voice", params);
        var altered = new LinkedHashMap<>(params);
        altered.put("From", "+8613999999999");
        mvc.perform(unsigned("/twilio/voice", altered).header("X-Twilio-Signature", signedForOriginal))
                .andExpect(status().isForbidden());
        // signed for another URL (a replay against a different endpoint)
        mvc.perform(unsigned("/twilio/voice", params).header("X-Twilio-Signature",
                        signature(SignedWebhooks.AUTH_TOKEN, PUBLIC_BASE_URL + "/twilio/voice/status", params)))
                .andExpect(status().isForbidden());

        assertThat(contacts.findByExternalId("twilio", callSid)).isEmpty();
    }

    @Test
    void rejectsWebhookOfAnotherAccount() throws Exception {
        String callSid = randomSid("CA");
        var params = incomingCall(callSid, CALLER, WAITING_NUMBER);
        params.put("AccountSid", "AC" + "ffffffffffffffffffffffffffffffff");
        mvc.perform(signed("/twilio/voice", params))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("unknown-account"));
        assertThat(contacts.findByExternalId("twilio", callSid)).isEmpty();
    }

    @Test
    void refusesMissingOrMalformedCallSid() throws Exception {
        var params = incomingCall("CA-not-a-sid", CALLER, WAITING_NUMBER);
        mvc.perform(signed("/twilio/voice", params))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-webhook"));
        params.remove("CallSid");
        mvc.perform(signed("/twilio/voice", params)).andExpect(status().isBadRequest());
        assertThat(contacts.findByExternalId("twilio", "CA-not-a-sid")).isEmpty();
    }

    @Test
    void refusesOversizedWebhook() throws Exception {
        String callSid = randomSid("CA");
        var params = incomingCall(callSid, CALLER, WAITING_NUMBER);
        params.put("FromCity", "x".repeat(40_000));
        mvc.perform(signed("/twilio/voice", params))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("webhook-too-large"));
        assertThat(contacts.findByExternalId("twilio", callSid)).isEmpty();
    }

    @Test
    void callerHangingUpWhileWaitingAbandonsTheContactOnceWhateverTheOrder() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, WAITING_NUMBER))).andExpect(status().isOk());
        Instant arrived = contactOfCall(callSid).arrivedAt();
        String hungUp = timestamp(arrived.plusSeconds(12));

        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 12, hungUp, 3)))
                .andExpect(status().isNoContent());
        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "completed", 12, hungUp, 3)))
                .andExpect(status().isNoContent());
        mvc.perform(signed("/twilio/voice/status", callStatus(callSid, "ringing", 0, timestamp(arrived), 1)))
                .andExpect(status().isNoContent());

        var contact = recorded(callSid, ContactStatus.ENDED);
        assertThat(contact.outcome()).isEqualTo(ContactOutcome.ABANDONED);
        assertThat(contact.endedAt()).isEqualTo(arrived.plusSeconds(12).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(contacts.history(contact.id())).filteredOn(h -> h.action().equals("ABANDONED")).hasSize(1);

        // Twilio retrying the incoming-call webhook of a call that is over: hang up, no second contact
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, CALLER, WAITING_NUMBER)))
                .andExpect(status().isOk())
                .andExpect(content().xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>"));
    }

    @Test
    void servesTheRingbackTone() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/twilio/ringback.wav"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("audio/wav"))
                .andExpect(result -> assertThat(result.getResponse().getContentAsByteArray())
                        .hasSize(44 + 8_000 * 2 * 5).startsWith("RIFF".getBytes()));
    }
}
