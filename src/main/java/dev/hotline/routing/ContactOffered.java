package dev.hotline.routing;

import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.CustomerTier;

import java.time.Instant;

/**
 * {@code agent}'s console rings with the contact until {@code ringDeadline}. {@code widened}: one of several parallel
 * offers of the same contact (ring all); the first accept wins, the others get {@link OfferWithdrawn}. {@code from} and
 * the customer come from routing's live contact (null for a contact queued by an older version): the screen pop of an
 * unknown caller needs nothing else. {@code callbackTo}: the number a queued callback is to be called back on.
 */
public record ContactOffered(ContactId contactId, String agent, String queue, Channel channel, Long customerId,
                             Instant offeredAt, Instant ringDeadline, boolean widened, String from,
                             CustomerTier customerTier, String callbackTo) {
}
