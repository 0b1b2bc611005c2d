package dev.hotline.contact;

import dev.hotline.shared.ContactId;

import java.time.Instant;
import java.util.List;

/**
 * One message of a text conversation.
 *
 * @param direction {@code INBOUND} (from the customer) or {@code OUTBOUND} (an agent's reply)
 * @param author    the agent who wrote an outbound message
 * @param media     attachments as {@code content-type URL}
 * @param status    RECEIVED, SENDING, QUEUED, SENT, DELIVERED, UNDELIVERED, FAILED, READ, ...
 * @param errorCode Twilio's error code of a failed message
 */
public record ConversationMessage(long id, ContactId contactId, String messageSid, String direction, String author,
                                  String from, String to, String body, List<String> media, String status,
                                  Integer errorCode, String errorMessage, Instant at, Instant statusAt) {
}
