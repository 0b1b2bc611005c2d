package dev.hotline.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Queued callback: a waiting caller may leave a number instead of waiting on the line.
 *
 * @param offer        when the prompt is played: ALWAYS, LONG_WAIT (only when at least {@code longWaitAhead} contacts
 *                     wait in the queue when the call arrives) or NEVER
 * @param offerAfter   how long the caller hears ringback before the prompt
 * @param longWaitAhead contacts waiting ahead that make a wait long (offer LONG_WAIT)
 * @param attempts     calls placed to a customer who does not answer before the callback is closed
 * @param retryAfter   pause after an unanswered call-back before the contact is offered again (at its place)
 */
@ConfigurationProperties("hotline.callback")
public record CallbackProperties(Offer offer, Duration offerAfter, int longWaitAhead, int attempts,
                                 Duration retryAfter) {

    public enum Offer { ALWAYS, LONG_WAIT, NEVER }

    public CallbackProperties {
        offer = offer == null ? Offer.ALWAYS : offer;
        offerAfter = offerAfter == null ? Duration.ofSeconds(30) : offerAfter;
        longWaitAhead = longWaitAhead <= 0 ? 3 : longWaitAhead;
        attempts = attempts <= 0 ? 3 : attempts;
        retryAfter = retryAfter == null ? Duration.ofMinutes(10) : retryAfter;
    }
}
