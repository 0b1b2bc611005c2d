package dev.hotline.telephony.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervision ({@code hotline.supervision.*}).
 *
 * @param liveCallsShown how many connected calls the wallboard lists for joining
 * @param logShown       how many rows of the supervision log one request returns
 */
@ConfigurationProperties("hotline.supervision")
public record SupervisionProperties(@DefaultValue("200") int liveCallsShown, @DefaultValue("100") int logShown) {
}
