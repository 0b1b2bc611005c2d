package dev.hotline.telephony.asterisk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Click-to-call through Asterisk ({@code hotline.asterisk.outbound.*}).
 *
 * @param context      the dialplan context the agent's answered phone enters; it dials the customer (extensions.conf)
 * @param queue        the queue name outbound calls are recorded under (reports per queue)
 * @param agentRing    how long the agent's phone rings (Originate Timeout)
 * @param customerRing how long the customer's phone rings (HOTLINE_CUSTOMER_RING, the Dial timeout)
 */
@ConfigurationProperties("hotline.asterisk.outbound")
public record AsteriskOutboundProperties(@DefaultValue("hotline-outbound") String context,
                                         @DefaultValue("outbound") String queue,
                                         @DefaultValue("30s") Duration agentRing,
                                         @DefaultValue("45s") Duration customerRing) {
}
