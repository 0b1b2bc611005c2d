package dev.hotline.contact;

import dev.hotline.shared.ContactId;

import java.time.Instant;

public record ContactTransferred(ContactId contactId, String fromQueue, String toQueue, Instant at) {
}
