package dev.hotline.telephony.twilio;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;

import static dev.hotline.telephony.twilio.SignedWebhooks.incomingCall;
import static dev.hotline.telephony.twilio.SignedWebhooks.randomSid;
import static dev.hotline.telephony.twilio.SignedWebhooks.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #18 findings 5 and 10: anonymous bad input to the webhooks is a 4xx problem, never a 500 or a pass. */
class TwilioBadInputTests extends TwilioTestSupport {

    static final List<String> WEBHOOKS = List.of("/twilio/voice", "/twilio/voice/status", "/twilio/voice/dial",
            "/twilio/messaging", "/twilio/messaging/status");

    @Test
    void anUnreadableContentTypeIsRefusedAsAProblem() throws Exception {
        for (String path : WEBHOOKS) {
            for (String type : List.of("garbage///", "application/json; charset=bogus-9",
                    "application/x-www-form-urlencoded; charset=bogus-9", ";;")) {
                mvc.perform(post(path).header("Content-Type", type).content("a=b"))
                        .andExpect(status().isUnsupportedMediaType())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                        .andExpect(jsonPath("$.code").value("not-a-form"));
            }
        }
    }

    @Test
    void aDuplicateFieldAppendedAfterSigningIsRefused() throws Exception {
        String callSid = randomSid("CA");
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, "+8613800138000", WAITING_NUMBER))
                        .content(SignedWebhooks.form(incomingCall(callSid, "+8613800138000", WAITING_NUMBER))
                                + "&From=%2B8613999999999"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("duplicate-field"));
        assertThat(contacts.findByExternalId("twilio", callSid)).isEmpty();
    }

    @Test
    void anOverlongSignedValueIsABadRequest() throws Exception {
        String callSid = randomSid("CA") + "x".repeat(4000);
        mvc.perform(signed("/twilio/voice", incomingCall(callSid, "+8613800138000", WAITING_NUMBER)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theErrorPageOpenedDirectlyIsANotFoundProblem() throws Exception {
        mvc.perform(get("/error"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
