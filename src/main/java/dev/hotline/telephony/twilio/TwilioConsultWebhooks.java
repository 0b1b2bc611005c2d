package dev.hotline.telephony.twilio;

import dev.hotline.shared.ContactId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status callback of a consult call (the first agent's or the target's leg into the consult's conference), named
 * in the Calls request. Verified like every Twilio webhook; refusals are answered by {@link TwilioWebhookRefusals}.
 */
@Tag(name = "Twilio webhooks")
@RestController
@ConditionalOnExpression(TwilioOutboundConfiguration.ON)
class TwilioConsultWebhooks {

    private final WebhookVerifier verifier;
    private final TwilioConsultation consultation;

    TwilioConsultWebhooks(WebhookVerifier verifier, TwilioConsultation consultation) {
        this.verifier = verifier;
        this.consultation = consultation;
    }

    @Operation(summary = "Status of a consult call (an agent's leg into a consultative transfer's conference)")
    @PostMapping(TwilioConsultation.CONSULT_LEG)
    ResponseEntity<Void> consultLeg(HttpServletRequest request) {
        Webhook callback = verifier.verify(request);
        callback.require("CallSid", Webhook.CALL_SID);
        String contact = callback.query().get("contact");
        String leg = callback.query().get("leg");
        if (contact == null || !contact.matches("\\d{1,18}") || !("agent".equals(leg) || "target".equals(leg))) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-webhook",
                    "The callback URL " + callback.path() + " names no consult leg");
        }
        consultation.legStatus(new ContactId(Long.parseLong(contact)), leg, callback.param("CallStatus"));
        return ResponseEntity.noContent().build();
    }
}
