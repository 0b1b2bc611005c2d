package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.ContactId;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PBX's live channels (CoreShowChannels), to find a contact's caller: the channel carrying its
 * HOTLINE_CONTACT_ID, or else the channel whose uniqueid is the contact's linkedid.
 */
final class LiveChannels {

    record Caller(String uniqueId, String linkedId, String channel) {
    }

    private final Map<ContactId, Caller> byContact = new HashMap<>();
    private final Map<String, Caller> byUniqueId = new HashMap<>();

    static LiveChannels list(AmiConnection ami) throws AmiConnection.AmiFailure {
        var live = new LiveChannels();
        for (var event : ami.list(new CoreShowChannelsAction()).getEvents()) {
            if (event instanceof CoreShowChannelEvent channel) {
                var caller = new Caller(channel.getUniqueid(), channel.getLinkedid(), channel.getChannel());
                live.byUniqueId.put(caller.uniqueId(), caller);
                var contact = CallDirectory.contactIn(channel.getChannelVariables());
                if (contact != null) {
                    live.byContact.put(contact, caller);
                }
            }
        }
        return live;
    }

    Optional<Caller> callerOf(ContactSnapshot contact) {
        var marked = byContact.get(contact.id());
        if (marked != null) {
            return Optional.of(marked);
        }
        return Optional.ofNullable(contact.externalId() == null ? null : byUniqueId.get(contact.externalId()));
    }

    int size() {
        return byUniqueId.size();
    }
}
