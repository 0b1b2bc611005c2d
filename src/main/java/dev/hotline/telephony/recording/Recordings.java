package dev.hotline.telephony.recording;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Listening to a contact's recordings, as the ticket's readers may: supervisors, admins and managers (who read every
 * ticket) any contact's; an agent only the contacts they handled (answered, or were connected to after a transfer).
 * Every listening is written to {@code call_recording_access} and logged; the player's follow-up Range requests
 * (seeking) are not counted again.
 */
@Service
public class Recordings {

    private static final Logger log = LoggerFactory.getLogger(Recordings.class);
    private static final Set<String> READ_ALL = Set.of("ROLE_SUPERVISOR", "ROLE_ADMIN", "ROLE_MANAGER");

    private final CallRecordings recordings;
    private final ContactIntake contacts;
    private final Map<RecordingSource, RecordingMedia> media;

    Recordings(CallRecordings recordings, ContactIntake contacts, List<RecordingMedia> media) {
        this.recordings = recordings;
        this.contacts = contacts;
        this.media = media.stream().collect(Collectors.toMap(RecordingMedia::source, Function.identity()));
    }

    public List<Recording> ofContact(ContactId contact, Authentication who) {
        checkListener(contact, who);
        return recordings.ofContact(contact);
    }

    ResponseEntity<?> stream(long id, String range, Authentication who) {
        Recording recording = recordings.find(id).orElseThrow(() -> new NotFoundException("Recording", id));
        checkListener(new ContactId(recording.contactId()), who);
        if (!recording.completed()) {
            throw new RecordingNotReady(recording);
        }
        if (range == null || range.replace(" ", "").startsWith("bytes=0-")) {
            recordings.listened(recording, who.getName(), Instant.now());
            log.info("Recording {} of contact {} played by {}", id, recording.contactId(), who.getName());
        }
        return mediaOf(recording).stream(recording, range);
    }

    RecordingMedia mediaOf(Recording recording) {
        RecordingMedia m = media.get(recording.source());
        if (m == null) {
            throw new IllegalStateException("No media store for " + recording.source() + " recordings");
        }
        return m;
    }

    private void checkListener(ContactId contact, Authentication who) {
        ContactSnapshot snapshot = contacts.find(contact).orElseThrow(() -> new NotFoundException("Contact", contact));
        boolean readsAll = who.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(READ_ALL::contains);
        if (readsAll || handledBy(snapshot, who.getName())) {
            return;
        }
        throw new NotPermittedException("Only the agent who handled contact " + contact
                + ", supervisors and managers may listen to its recordings");
    }

    private boolean handledBy(ContactSnapshot contact, String agent) {
        if (agent.equals(contact.agent())) {
            return true;
        }
        return contacts.history(contact.id()).stream()
                .filter(h -> "ANSWERED".equals(h.action()) || "ACCEPTED".equals(h.action()))
                .map(ContactHistoryView::agent).anyMatch(agent::equals);
    }

    /** The call is still being recorded: nothing to play yet (HTTP 409). */
    static class RecordingNotReady extends dev.hotline.shared.ConflictException {
        RecordingNotReady(Recording recording) {
            super("recording-not-ready", "Recording " + recording.id() + " is still being made (the call goes on)");
        }
    }
}
