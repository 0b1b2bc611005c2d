package dev.hotline.telephony.twilio;

import dev.hotline.notification.SmsGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Notification SMS through the Twilio Messages API, present only when Twilio is configured. Sent from
 * {@code hotline.twilio.notification-from}, or else from the first of our numbers.
 */
@Component
@ConditionalOnExpression("'${hotline.twilio.account-sid:}' != '' and '${hotline.twilio.auth-token:}' != ''")
class TwilioSmsGateway implements SmsGateway {

    private final TwilioApi api;
    private final TwilioProperties properties;
    private final String from;

    TwilioSmsGateway(TwilioApi api, TwilioProperties properties,
                     @Value("${hotline.twilio.notification-from:}") String from) {
        this.api = api;
        this.properties = properties;
        this.from = from.isBlank() ? properties.numbers().keySet().stream().sorted().findFirst().orElse("") : from;
    }

    @Override
    public void send(String to, String text) {
        if (from.isBlank()) {
            throw new IllegalStateException("No sender number: set hotline.twilio.notification-from");
        }
        api.send(to, from, text, properties.messagingStatusCallbackPath());
    }
}
