package dev.hotline.contact;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/** The agent finished the contact with this disposition (what the call was about, what was done). */
public record ContactDisposed(ContactId contactId, String agent, String disposition, Instant at) {
}
