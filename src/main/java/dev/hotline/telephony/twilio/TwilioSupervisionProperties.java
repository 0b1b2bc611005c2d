package dev.hotline.telephony.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Supervisor listen / whisper / barge through Twilio ({@code hotline.twilio.supervision.*}).
 *
 * @param ring how long the supervisor's phone rings (the conference participant's Timeout)
 */
@ConfigurationProperties("hotline.twilio.supervision")
public record TwilioSupervisionProperties(@DefaultValue("30s") Duration ring) {
}
