package dev.hotline.contact;

import dev.hotline.shared.ContactId;

import java.time.Instant;

/** An agent's reply was sent, delivered, or failed (with Twilio's error code): the console shows it. */
public record MessageStatusChanged(ContactId contactId, long messageId, String messageSid, String status,
                                   Integer errorCode, String errorMessage, Instant at) {
}
