package dev.hotline.routing;

/**
 * A contact whose caller left a call-back number: {@code number} (E.164) is called when an agent accepts it, through
 * the telephony the call came in by ({@code provider}); {@code attemptsMade} calls did not reach the customer so far.
 */
public record Callback(String number, String provider, int attemptsMade) {
}
