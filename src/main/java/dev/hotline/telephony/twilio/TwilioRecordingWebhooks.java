package dev.hotline.telephony.twilio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recording status callback the agent {@code <Dial>} of a recording queue names (not pasted into the console).
 * Verified like every Twilio webhook; refusals are answered by {@link TwilioWebhookRefusals}.
 */
@Tag(name = "Twilio webhooks")
@RestController
class TwilioRecordingWebhooks {

    private final WebhookVerifier verifier;
    private final TwilioRecordings recordings;

    TwilioRecordingWebhooks(WebhookVerifier verifier, TwilioRecordings recordings) {
        this.verifier = verifier;
        this.recordings = recordings;
    }

    @Operation(summary = "A recording of a call is finished (RecordingSid, RecordingUrl, RecordingDuration)")
    @PostMapping(CallScripts.RECORDING_STATUS)
    ResponseEntity<Void> recordingStatus(HttpServletRequest request) {
        recordings.statusChanged(verifier.verify(request));
        return ResponseEntity.noContent().build();
    }
}
