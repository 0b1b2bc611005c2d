package dev.hotline.contact;

import dev.hotline.shared.Channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Calls as the record has them after an agent answered (routing's journal written behind, without routing). */
public final class AnsweredContacts {

    private AnsweredContacts() {
    }

    /** A call from {@code phone} that the record says {@code agent} answered just now. */
    public static ContactSnapshot answeredBy(ContactIntake contacts, ContactRecords records, String agent,
                                             String phone) {
        var contact = contacts.arrived(new NewContact(Channel.VOICE, "asterisk", "call-" + UUID.randomUUID(), phone,
                "8000", "hotline", null, null));
        records.record(List.of(new ContactTransition(contact.id().value(), 1, ContactTransition.Kind.ANSWERED,
                Instant.now(), agent, null, 0, null, false, null)));
        return contact;
    }
}
