package dev.hotline.telephony.twilio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The status callback of a supervisor's conference participant call, named in the Participants request (not pasted
 * into the console). Verified like every Twilio webhook; refusals are answered by {@link TwilioWebhookRefusals}.
 */
@Tag(name = "Twilio webhooks")
@RestController
@ConditionalOnExpression(TwilioOutboundConfiguration.ON)
class TwilioSupervisionWebhooks {

    private final WebhookVerifier verifier;
    private final TwilioCallSupervisor supervisor;

    TwilioSupervisionWebhooks(WebhookVerifier verifier, TwilioCallSupervisor supervisor) {
        this.verifier = verifier;
        this.supervisor = supervisor;
    }

    @Operation(summary = "Status of a supervisor's call into a supervised conference")
    @PostMapping(TwilioCallSupervisor.SUPERVISOR_LEG)
    ResponseEntity<Void> supervisorLeg(HttpServletRequest request) {
        Webhook callback = verifier.verify(request);
        callback.require("CallSid", Webhook.CALL_SID);
        String session = callback.query().get("session");
        if (session == null || !session.matches("\\d{1,18}")) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-webhook",
                    "The callback URL " + callback.path() + " names no supervision session");
        }
        supervisor.supervisorLeg(Long.parseLong(session), callback.param("CallStatus"), callback.timestamp());
        return ResponseEntity.noContent().build();
    }
}
