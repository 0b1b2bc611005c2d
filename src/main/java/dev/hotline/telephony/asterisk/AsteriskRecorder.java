package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.ContactId;
import dev.hotline.telephony.recording.CallRecordings;
import dev.hotline.telephony.recording.QueueRecordings;
import dev.hotline.telephony.recording.RecordingProperties;
import dev.hotline.telephony.recording.RecordingSource;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.MixMonitorAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MixMonitorStopEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Records the calls of recording queues with {@code MixMonitor}: when the caller's channel enters the bridge with an
 * agent's leg (the caller in {@code hotline-agents}), an AMI {@code MixMonitor} on the caller's channel writes both
 * sides into {@code hotline-<contact>.<format>} in the directory Asterisk shares with the app. Every node hears the
 * bridge; the one whose claim on the {@code call_recording} row succeeds sends the action, so a call is recorded
 * once, also when a transfer bridges it with a second agent (the recording follows the caller's channel through
 * holds and transfers). The recording is whole when MixMonitor stops ({@code MixMonitorStop}, raised only by
 * StopMixMonitor) or the caller's channel hangs up, which is when Asterisk closes the file.
 */
class AsteriskRecorder implements ManagerEventListener {

    private static final Logger log = LoggerFactory.getLogger(AsteriskRecorder.class);

    private final AmiConnection ami;
    private final ContactIntake contacts;
    private final QueueRecordings queues;
    private final CallRecordings recordings;
    private final RecordingProperties properties;
    private final String agentsContext;

    AsteriskRecorder(AmiConnection ami, ContactIntake contacts, QueueRecordings queues, CallRecordings recordings,
                     RecordingProperties properties, String agentsContext) {
        this.ami = ami;
        this.contacts = contacts;
        this.queues = queues;
        this.recordings = recordings;
        this.properties = properties;
        this.agentsContext = agentsContext;
        ami.listen(this);
    }

    /** On asterisk-java's event thread: the MixMonitor round trip goes to the AMI action thread. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        ContactId contact = CallDirectory.contactIn(event.getChannelVariables());
        if (contact == null) {
            return;   // not a hotline caller's channel (agent legs do not carry HOTLINE_CONTACT_ID)
        }
        try {
            if (event instanceof BridgeEnterEvent e && agentsContext.equals(e.getContext())) {
                Instant at = PbxEvents.timeOf(e);
                ami.submit(() -> start(contact, e.getChannel(), at));
            } else if (event instanceof MixMonitorStopEvent || event instanceof HangupEvent) {
                recordings.ended(RecordingSource.ASTERISK, fileName(contact), PbxEvents.timeOf(event));
            }
        } catch (RuntimeException e) {
            log.error("Recording of contact {}: could not handle {}", contact, event.getClass().getSimpleName(), e);
        }
    }

    private void start(ContactId contact, String channel, Instant at) {
        String queue = contacts.find(contact).map(ContactSnapshot::queue).orElse(null);
        if (!queues.records(queue)) {
            return;
        }
        String file = fileName(contact);
        if (!recordings.started(contact, RecordingSource.ASTERISK, file, file, at)) {
            return;   // another node (or an earlier bridge of this call) started it
        }
        String options = properties.asteriskOptions().isBlank() ? null : properties.asteriskOptions();
        try {
            ami.send(new MixMonitorAction(channel, properties.asteriskDirectory() + "/" + file, options));
            log.info("Recording contact {} on {} into {}", contact, channel, file);
        } catch (AmiConnection.AmiFailure e) {
            recordings.abandoned(RecordingSource.ASTERISK, file);
            log.warn("Contact {} of recording queue {} is not recorded: {}", contact, queue, e.getMessage());
        }
    }

    String fileName(ContactId contact) {
        return "hotline-" + contact.value() + "." + properties.asteriskFormat();
    }
}
