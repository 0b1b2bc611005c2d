package dev.hotline.telephony.asterisk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.contact.ContactIntake;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The service taboos the PBX measured on one call, for supervisors' reports. A contact the PBX reported nothing on
 * (abandoned, not a call, adapter off) has no first hang-up and no silences.
 */
@Tag(name = "Contacts")
@RestController
class CallQualityController {

    private final ContactIntake intake;
    private final CallQualityRepository quality;
    private final SilencePeriodRepository silences;

    CallQualityController(ContactIntake intake, CallQualityRepository quality, SilencePeriodRepository silences) {
        this.intake = intake;
        this.quality = quality;
        this.silences = silences;
    }

    record SilenceView(Instant startedAt, Instant endedAt, long lengthMillis) {
    }

    /**
     * @param hungUpFirst      CUSTOMER or AGENT; null when the call was never connected
     * @param agentHungUpFirst the taboo of seed 003 §3.4: the agent ended the call before the customer
     */
    record CallQualityView(ContactId contactId, String agent, String hungUpFirst, boolean agentHungUpFirst,
                           List<SilenceView> silences, long longestSilenceMillis) {
    }

    @Operation(summary = "Who hung up first and the silences of an Asterisk call")
    @GetMapping("/api/contacts/{id}/call-quality")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    CallQualityView callQuality(@PathVariable String id) {
        var contactId = ContactId.of(id);
        var contact = intake.find(contactId).orElseThrow(() -> new NotFoundException("Contact", id));
        var periods = silences.findByContactIdOrderByStartedAtAsc(contactId.value()).stream()
                .map(s -> new SilenceView(s.startedAt(), s.endedAt(), s.lengthMillis())).toList();
        long longest = periods.stream().mapToLong(SilenceView::lengthMillis).max().orElse(0);
        return quality.findByContactId(contactId.value())
                .map(q -> new CallQualityView(contactId, q.agent() != null ? q.agent() : contact.agent(),
                        q.firstHangUp(), q.agentHungUpFirst(), periods, longest))
                .orElseGet(() -> new CallQualityView(contactId, contact.agent(), null, false, periods, longest));
    }
}
