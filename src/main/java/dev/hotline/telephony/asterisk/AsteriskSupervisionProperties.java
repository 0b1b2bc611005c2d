package dev.hotline.telephony.asterisk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Supervisor listen / whisper / barge through Asterisk ({@code hotline.asterisk.supervision.*}).
 *
 * @param context the dialplan context the supervisor's answered phone enters; it runs ChanSpy (extensions.conf)
 * @param ring    how long the supervisor's phone rings (Originate Timeout)
 */
@ConfigurationProperties("hotline.asterisk.supervision")
public record AsteriskSupervisionProperties(@DefaultValue("hotline-supervise") String context,
                                            @DefaultValue("30s") Duration ring) {
}
