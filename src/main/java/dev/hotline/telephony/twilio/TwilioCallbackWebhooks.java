package dev.hotline.telephony.twilio;

import com.twilio.twiml.VoiceResponse;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.telephony.callback.CallbackNumbers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The two {@code <Gather>} actions of queued callback, named in the ringback TwiML (not pasted into the console) and
 * verified like every Twilio webhook: the offer (a 1 asks for the number) and the number (1 = the caller's own
 * {@code From}, else the digits keyed in before #, read with libphonenumber). A valid number turns the waiting call
 * into a callback at the same place and the caller hears goodbye; the hang-up that follows does not end the contact.
 */
@Tag(name = "Twilio webhooks")
@RestController
class TwilioCallbackWebhooks {

    static final String OFFER = "/twilio/voice/callback";
    static final String NUMBER = "/twilio/voice/callback/number";
    private static final Logger log = LoggerFactory.getLogger(TwilioCallbackWebhooks.class);

    private final WebhookVerifier verifier;
    private final CallScripts scripts;
    private final CallbackNumbers callbacks;
    private final ContactRouting routing;

    TwilioCallbackWebhooks(WebhookVerifier verifier, CallScripts scripts, CallbackNumbers callbacks,
                           ContactRouting routing) {
        this.verifier = verifier;
        this.scripts = scripts;
        this.callbacks = callbacks;
        this.routing = routing;
    }

    @Operation(summary = "A waiting caller answered the queued-callback offer (Gather Digits)")
    @PostMapping(OFFER)
    ResponseEntity<String> offer(HttpServletRequest request) {
        Webhook gather = verifier.verify(request);
        gather.require("CallSid", Webhook.CALL_SID);
        ContactId contact = VoiceCalls.contactOf(gather);
        if ("1".equals(gather.param("Digits")) && routing.status(contact).isLive()) {
            return TwilioWebhooks.twiml(scripts.askCallbackNumber(contact, false));
        }
        return TwilioWebhooks.twiml(stillWaiting(contact));
    }

    @Operation(summary = "A waiting caller keyed in the number to call back (Gather Digits)")
    @PostMapping(NUMBER)
    ResponseEntity<String> number(HttpServletRequest request) {
        Webhook gather = verifier.verify(request);
        gather.require("CallSid", Webhook.CALL_SID);
        ContactId contact = VoiceCalls.contactOf(gather);
        String digits = gather.param("Digits") == null ? "" : gather.param("Digits").strip();
        try {
            String number = callbacks.request(contact, "1".equals(digits) ? null : digits, gather.param("From"));
            log.info("Call {} (contact {}) leaves callback number {}", gather.param("CallSid"), contact, number);
            return TwilioWebhooks.twiml(scripts.callbackGoodbye());
        } catch (InvalidInputException bad) {
            log.info("Contact {}: no callback to '{}': {}", contact, digits, bad.getMessage());
            return TwilioWebhooks.twiml(scripts.askCallbackNumber(contact, true));
        } catch (ConflictException | NotFoundException late) {
            // an agent accepted meanwhile (the redirect to the agent follows) or the call is over
            log.info("Contact {}: callback not recorded: {}", contact, late.getMessage());
            return TwilioWebhooks.twiml(stillWaiting(contact));
        }
    }

    private VoiceResponse stillWaiting(ContactId contact) {
        return routing.status(contact).isLive() ? scripts.waiting() : scripts.hangUp();
    }
}
