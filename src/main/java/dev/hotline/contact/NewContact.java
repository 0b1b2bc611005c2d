package dev.hotline.contact;

import dev.hotline.shared.Channel;

import java.time.Instant;

/**
 * A contact as an entry point reports it.
 *
 * @param channel    how it came in
 * @param provider   who reported it: {@code twilio}, {@code asterisk}, {@code api}, {@code console}
 * @param externalId the provider's id (CallSid, Asterisk linkedid, MessageSid, ...); with {@code provider} it makes
 *                   arrival idempotent. May be null for contacts logged by hand (letters, visits).
 * @param from       the caller's address as written (phone number in any form, e-mail, name for a visit)
 * @param to         the dialled number or address, if any
 * @param queue      the queue the entry point chose (e.g. by dialled number); null = the default queue
 * @param arrivedAt  when the contact began (the PBX's time where known); null = now
 * @param subject    a first line of what it is about (message body, letter subject); may be null
 * @param direction  INBOUND (the customer's contact; {@code from} is the customer) or OUTBOUND (an agent calls the
 *                   customer at {@code to}); null = INBOUND
 */
public record NewContact(Channel channel, String provider, String externalId, String from, String to, String queue,
                         Instant arrivedAt, String subject, ContactDirection direction) {

    public NewContact {
        direction = direction == null ? ContactDirection.INBOUND : direction;
    }

    /** An inbound contact, as every entry point reports one. */
    public NewContact(Channel channel, String provider, String externalId, String from, String to, String queue,
                      Instant arrivedAt, String subject) {
        this(channel, provider, externalId, from, to, queue, arrivedAt, subject, ContactDirection.INBOUND);
    }

    /** The customer's address: the caller of an inbound contact, the called number of an outbound one. */
    String customerAddress() {
        return direction == ContactDirection.OUTBOUND ? to : from;
    }
}
