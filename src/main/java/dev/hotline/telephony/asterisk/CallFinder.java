package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.shared.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Finds the caller's channel of a contact: tracked here, or (a call registered by another node or before a restart)
 * by asking the PBX which live channel is the contact's caller. Ended contacts are looked up too: an overflowed
 * contact is final for the ACD while its caller still waits to be sent on. Runs on the AMI action thread.
 */
class CallFinder {

    private static final Logger log = LoggerFactory.getLogger(CallFinder.class);

    private final LiveCalls calls;
    private final ContactIntake intake;
    private final CallDirectory directory;
    private final AmiConnection ami;

    CallFinder(LiveCalls calls, ContactIntake intake, CallDirectory directory, AmiConnection ami) {
        this.calls = calls;
        this.intake = intake;
        this.directory = directory;
        this.ami = ami;
    }

    Optional<LiveCall> find(ContactId contact) {
        try {
            return findOrFail(contact);
        } catch (AmiConnection.AmiFailure e) {
            log.warn("Channel of contact {} not found: {}", contact, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * As {@link #find}, but a PBX that cannot be asked (the AMI connection is down) throws: "not found" then means
     * "not known now", not "the caller is gone".
     */
    Optional<LiveCall> findOrFail(ContactId contact) throws AmiConnection.AmiFailure {
        var tracked = calls.byContact(contact);
        if (tracked.isPresent()) {
            return tracked;
        }
        var snapshot = intake.find(contact)
                .filter(c -> HotlineAgiScript.PROVIDER.equals(c.provider()) && c.externalId() != null);
        if (snapshot.isEmpty()) {
            return Optional.empty();   // not an Asterisk call
        }
        return LiveChannels.list(ami).callerOf(snapshot.get())
                .map(c -> directory.adopt(snapshot.get(), snapshot.get().externalId(), c.uniqueId(), c.channel()));
    }
}
