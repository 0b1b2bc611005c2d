package dev.hotline.telephony.twilio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.TwiML;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * The URLs pasted into the Twilio console (see README, "Twilio"). Every request is verified before anything is
 * recorded; a refusal is one log line and a problem response ({@link TwilioWebhookRefusals}).
 */
@Tag(name = "Twilio webhooks", description = "Called by Twilio, authenticated by X-Twilio-Signature (not by a user); paste these URLs into the Twilio console")
@RestController
class TwilioWebhooks {

    private final WebhookVerifier verifier;
    private final VoiceCalls voice;
    private final TextMessaging messaging;

    TwilioWebhooks(WebhookVerifier verifier, VoiceCalls voice, TextMessaging messaging) {
        this.verifier = verifier;
        this.voice = voice;
        this.messaging = messaging;
    }

    @Operation(summary = "A call comes in")
    @PostMapping("/twilio/voice")
    ResponseEntity<String> incomingCall(HttpServletRequest request) {
        return twiml(voice.incoming(verifier.verify(request)));
    }

    @Operation(summary = "Call status changes (caller or agent leg)")
    @PostMapping("/twilio/voice/status")
    ResponseEntity<Void> callStatus(HttpServletRequest request) {
        voice.status(verifier.verify(request));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "End of the dial to an agent")
    @PostMapping("/twilio/voice/dial")
    ResponseEntity<String> dialOver(HttpServletRequest request) {
        return twiml(voice.dialOver(verifier.verify(request)));
    }

    /** A customer's SMS or WhatsApp message; the empty response means no automatic reply. */
    @Operation(summary = "A message (SMS, WhatsApp) comes in")
    @PostMapping("/twilio/messaging")
    ResponseEntity<String> incomingMessage(HttpServletRequest request) {
        messaging.received(verifier.verify(request));
        return twiml(new MessagingResponse.Builder().build());
    }

    @Operation(summary = "Delivery status of a reply")
    @PostMapping("/twilio/messaging/status")
    ResponseEntity<Void> messageStatus(HttpServletRequest request) {
        messaging.statusChanged(verifier.verify(request));
        return ResponseEntity.noContent().build();
    }

    /** UTF-8 said in the header too: the queued-callback prompts ({@code <Say>}) are Chinese. */
    static ResponseEntity<String> twiml(TwiML twiml) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_XML, java.nio.charset.StandardCharsets.UTF_8))
                .body(TwimlXml.of(twiml));
    }
}
