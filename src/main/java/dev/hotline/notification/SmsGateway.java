package dev.hotline.notification;

/**
 * Sends a text message to a mobile number; implemented by the telephony adapter when a provider (Twilio) is
 * configured. Without an implementation notifications are not sent by SMS.
 */
public interface SmsGateway {

    /**
     * @param to   E.164 number
     * @throws RuntimeException when the provider refuses or cannot be reached (the delivery is retried)
     */
    void send(String to, String text);
}
