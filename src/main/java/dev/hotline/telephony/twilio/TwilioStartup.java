package dev.hotline.telephony.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says in one line whether the Twilio adapter is on, so a missing secret is seen at start-up, not at the first call. */
@Component
class TwilioStartup {

    private static final Logger log = LoggerFactory.getLogger(TwilioStartup.class);

    private final TwilioProperties properties;

    TwilioStartup(TwilioProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (!properties.enabled()) {
            log.info("Twilio adapter off: hotline.twilio.account-sid / auth-token not set; /twilio/** answers 503");
        } else {
            String sid = properties.accountSid();
            log.info("Twilio adapter on: account {}…{}, webhooks signed for {}/twilio/..., REST API at {}, {} numbers mapped to queues",
                    sid.substring(0, Math.min(6, sid.length())), sid.substring(Math.max(0, sid.length() - 4)),
                    properties.publicBaseUrl().isEmpty() ? "(public-base-url not set!)" : properties.publicBaseUrl(),
                    properties.apiBaseUrl(), properties.numbers().size());
        }
    }
}
