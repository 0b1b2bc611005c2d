package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ContactId;

import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The calls this node is connecting, by linkedid (the uniqueid of the call's first channel, which every leg of the
 * call carries as Linkedid; the caller's AGI channel itself when the call came straight from the trunk). Filled by the AGI arrival, an assignment or a resync; emptied when the caller hangs up.
 */

class LiveCalls {

    private final ConcurrentMap<String, LiveCall> byLinkedId = new ConcurrentHashMap<>();

    LiveCall track(ContactId contact, String linkedId, String callerUniqueId, String callerChannel) {
        return byLinkedId.computeIfAbsent(linkedId, k -> new LiveCall(contact, linkedId, callerUniqueId, callerChannel));
    }

    Optional<LiveCall> byLinkedId(String linkedId) {
        return linkedId == null ? Optional.empty() : Optional.ofNullable(byLinkedId.get(linkedId));
    }

    Optional<LiveCall> byContact(ContactId contact) {
        return byLinkedId.values().stream().filter(c -> c.contact().equals(contact)).findFirst();
    }

    Collection<LiveCall> all() {
        return byLinkedId.values();
    }

    void forget(LiveCall call) {
        byLinkedId.remove(call.linkedId(), call);
    }
}
