package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;

/**
 * The agent accepted: telephony connects the call ({@code provider}'s call {@code externalId}) to the extension, phone
 * or Twilio client identity.
 */
public record ContactAssigned(ContactId contactId, String agent, String queue, Channel channel, String provider,
                              String externalId, String extension, String phone, String clientIdentity, String from,
                              Long customerId) {
}
