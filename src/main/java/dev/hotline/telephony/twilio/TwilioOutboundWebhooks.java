package dev.hotline.telephony.twilio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The callbacks of click-to-call, named in the REST call and the TwiML we give Twilio (not pasted into the console).
 * Verified like every Twilio webhook; refusals are answered by {@link TwilioWebhookRefusals}.
 */
@Tag(name = "Twilio webhooks")
@RestController
@ConditionalOnExpression(TwilioOutboundConfiguration.ON)
class TwilioOutboundWebhooks {

    private final WebhookVerifier verifier;
    private final TwilioOutboundCalls calls;

    TwilioOutboundWebhooks(WebhookVerifier verifier, TwilioOutboundCalls calls) {
        this.verifier = verifier;
        this.calls = calls;
    }

    @Operation(summary = "Status of the agent's leg of an outbound call")
    @PostMapping(TwilioOutboundCalls.AGENT_LEG)
    ResponseEntity<Void> agentLeg(HttpServletRequest request) {
        Webhook callback = verifier.verify(request);
        callback.require("CallSid", Webhook.CALL_SID);
        calls.agentLeg(VoiceCalls.contactOf(callback), VoiceCalls.agentOf(callback), callback.param("CallStatus"),
                callback.timestamp());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The customer answered an outbound call")
    @PostMapping(TwilioOutboundCalls.CUSTOMER_LEG)
    ResponseEntity<Void> customerLeg(HttpServletRequest request) {
        Webhook callback = verifier.verify(request);
        callback.require("CallSid", Webhook.CALL_SID);
        if ("in-progress".equals(callback.param("CallStatus")) || "answered".equals(callback.param("CallStatus"))) {
            calls.customerAnswered(VoiceCalls.contactOf(callback), VoiceCalls.agentOf(callback), callback.timestamp());
        }
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The dial to the customer of an outbound call is over")
    @PostMapping(TwilioOutboundCalls.DIAL_OVER)
    ResponseEntity<String> dialOver(HttpServletRequest request) {
        Webhook action = verifier.verify(request);
        calls.dialOver(VoiceCalls.contactOf(action), VoiceCalls.agentOf(action), action.param("DialCallStatus"));
        return TwilioWebhooks.twiml(new com.twilio.twiml.VoiceResponse.Builder()
                .hangup(new com.twilio.twiml.voice.Hangup.Builder().build()).build());
    }
}
