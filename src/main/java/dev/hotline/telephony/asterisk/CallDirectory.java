package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.shared.ContactId;

import java.util.Map;
import java.util.Optional;

/**
 * Which hotline call a channel belongs to, on any node: every node has its own AMI session and hears every event,
 * but only one took the call's AGI request. The caller's channel carries {@code HOTLINE_CONTACT_ID} (manager.conf
 * {@code channelvars}, so its events report it); other legs, and a PBX without channelvars, are found by the
 * call's linkedid, which is the contact's external id. What is found is tracked in this node's {@link LiveCalls}.
 */
class CallDirectory {

    static final String CONTACT_VARIABLE = "HOTLINE_CONTACT_ID";
    /** The agent a Redirect was for; the caller's DialEnd reports it, so any node hands back the right agent. */
    static final String AGENT_VARIABLE = "HOTLINE_AGENT";

    private final LiveCalls calls;
    private final ContactIntake intake;

    CallDirectory(LiveCalls calls, ContactIntake intake) {
        this.calls = calls;
        this.intake = intake;
    }

    /** The call an event of this channel belongs to; empty for channels that are not a hotline call. */
    Optional<LiveCall> of(String linkedId, String uniqueId, String channel, Map<String, String> variables) {
        String callId = linkedId == null || linkedId.isBlank() ? uniqueId : linkedId;
        ContactId marked = contactIn(variables);
        if (marked != null) {
            var call = calls.byLinkedId(callId).filter(c -> c.contact().equals(marked))
                    .or(() -> intake.find(marked).map(c -> adopt(c, callId, uniqueId, channel)));
            call.ifPresent(c -> c.callerIs(uniqueId, channel));
            if (call.isPresent()) {
                return call;
            }
        }
        return calls.byLinkedId(callId).or(() -> intake.findByExternalId(HotlineAgiScript.PROVIDER, callId)
                .filter(c -> !c.isFinal())
                .map(c -> adopt(c, callId, callId, null)));
    }

    /** Tracks a call registered elsewhere, with what the contact log already knows of it. */
    LiveCall adopt(ContactSnapshot contact, String linkedId, String callerUniqueId, String callerChannel) {
        var call = calls.track(contact.id(), linkedId, callerUniqueId, callerChannel);
        if (contact.answeredAt() != null && !call.isAnswered()) {
            call.answered(contact.answeredAt());
            call.silence().answeredEarlier(contact.answeredAt());
        }
        return call;
    }

    static ContactId contactIn(Map<String, String> variables) {
        String value = variables == null ? null : variables.get(CONTACT_VARIABLE);
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return null;
        }
        return new ContactId(Long.parseLong(value.strip()));
    }

    static String agentIn(Map<String, String> variables) {
        String value = variables == null ? null : variables.get(AGENT_VARIABLE);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
