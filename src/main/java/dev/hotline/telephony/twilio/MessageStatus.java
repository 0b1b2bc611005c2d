package dev.hotline.telephony.twilio;

import java.util.Locale;

/**
 * Where a message is, in Twilio's words (plus RECEIVED for inbound and SENDING before Twilio answered). The rank
 * orders them so that a late or repeated status callback never moves a message backwards.
 */
enum MessageStatus {
    RECEIVED(0), SENDING(1), ACCEPTED(2), SCHEDULED(2), QUEUED(3), SENT(4), DELIVERED(5), UNDELIVERED(5),
    FAILED(5), CANCELED(5), PARTIALLY_DELIVERED(5), READ(6);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    boolean isAfter(MessageStatus other) {
        return rank > other.rank;
    }

    /** Twilio's {@code MessageStatus} value (e.g. {@code delivered}, {@code partially_delivered}); null if unknown. */
    static MessageStatus of(String twilio) {
        if (twilio == null || twilio.isBlank()) {
            return null;
        }
        try {
            return valueOf(twilio.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
