package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.shared.ContactId;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Finds the caller's channel of a contact: tracked here, or (a call registered by another node or before a restart)
 * by asking the PBX for the channel whose uniqueid is the contact's linkedid. Runs on the AMI action thread.
 */
class CallFinder {

    private static final Logger log = LoggerFactory.getLogger(CallFinder.class);

    private final LiveCalls calls;
    private final ContactIntake intake;
    private final AmiConnection ami;

    CallFinder(LiveCalls calls, ContactIntake intake, AmiConnection ami) {
        this.calls = calls;
        this.intake = intake;
        this.ami = ami;
    }

    Optional<LiveCall> find(ContactId contact) {
        var tracked = calls.byContact(contact);
        if (tracked.isPresent()) {
            return tracked;
        }
        var snapshot = intake.find(contact)
                .filter(c -> HotlineAgiScript.PROVIDER.equals(c.provider()) && c.externalId() != null && !c.isFinal());
        if (snapshot.isEmpty()) {
            return Optional.empty();   // not an Asterisk call
        }
        String linkedId = snapshot.get().externalId();
        try {
            return ami.list(new CoreShowChannelsAction()).getEvents().stream()
                    .filter(e -> e instanceof CoreShowChannelEvent)
                    .map(e -> (CoreShowChannelEvent) e)
                    .filter(e -> linkedId.equals(e.getUniqueid()))
                    .findFirst()
                    .map(e -> calls.track(contact, linkedId, linkedId, e.getChannel()));
        } catch (AmiConnection.AmiFailure e) {
            log.warn("Channel of contact {} not found: {}", contact, e.getMessage());
            return Optional.empty();
        }
    }
}
