package dev.hotline.telephony.asterisk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Consultative transfer through Asterisk ({@code hotline.asterisk.consult.*}).
 *
 * @param context the dialplan context the target's answered phone enters; it bridges itself with the consulting
 *                agent's held leg (extensions.conf {@code [hotline-consult]})
 * @param ring    how long the target's phone rings once the target accepted on the console (Originate Timeout)
 */
@ConfigurationProperties("hotline.asterisk.consult")
public record AsteriskConsultProperties(@DefaultValue("hotline-consult") String context,
                                        @DefaultValue("30s") Duration ring) {
}
