package dev.hotline.telephony.recording;

import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Call recording (issue 19): a queue's switch (admins change it, supervisors read it), a contact's recordings and
 * their audio (whoever may read the contact's ticket and handled or oversees it; see {@link Recordings}).
 */
@Tag(name = "Call recording", description = "Recording on/off per queue; a contact's recordings, played from the ticket")
@RestController
class RecordingController {

    private final Recordings recordings;
    private final QueueRecordings queues;
    private final RoutingAdministration routing;

    RecordingController(Recordings recordings, QueueRecordings queues, RoutingAdministration routing) {
        this.recordings = recordings;
        this.queues = queues;
        this.routing = routing;
    }

    record QueueRecording(String queue, boolean recording) {
    }

    record Switch(@NotNull Boolean recording) {
    }

    @Operation(summary = "Whether a queue's calls are recorded (the caller is told first)")
    @GetMapping("/api/queues/{name}/recording")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    QueueRecording queueRecording(@PathVariable String name) {
        return new QueueRecording(existing(name), queues.records(name));
    }

    @Operation(summary = "Switch recording of a queue's calls on or off")
    @PutMapping("/api/queues/{name}/recording")
    @PreAuthorize("hasRole('ADMIN')")
    QueueRecording switchRecording(@PathVariable String name, @Valid @RequestBody Switch body, Authentication who) {
        queues.set(existing(name), body.recording(), who.getName());
        return new QueueRecording(name, body.recording());
    }

    @Operation(summary = "A contact's call recordings (the agent who handled it, supervisors, managers)")
    @GetMapping("/api/contacts/{contactId}/recordings")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN', 'MANAGER')")
    List<Recording> ofContact(@PathVariable String contactId, Authentication who) {
        return recordings.ofContact(ContactId.of(contactId), who);
    }

    @Operation(summary = "Play a recording: its audio, with Range for seeking; every listening is logged")
    @GetMapping("/api/recordings/{id}/audio")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN', 'MANAGER')")
    ResponseEntity<?> audio(@PathVariable long id, @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
                            Authentication who) {
        return recordings.stream(id, range, who);
    }

    private String existing(String queue) {
        return routing.queues().stream().map(QueueSettings::name).filter(queue::equals).findFirst()
                .orElseThrow(() -> new NotFoundException("Queue", queue));
    }
}
