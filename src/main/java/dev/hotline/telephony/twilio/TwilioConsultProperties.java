package dev.hotline.telephony.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Consultative transfer through Twilio ({@code hotline.twilio.consult.*}).
 *
 * @param ring how long the first agent's and the target's phones ring into the consult's conference (Calls Timeout)
 */
@ConfigurationProperties("hotline.twilio.consult")
public record TwilioConsultProperties(@DefaultValue("30s") Duration ring) {
}
