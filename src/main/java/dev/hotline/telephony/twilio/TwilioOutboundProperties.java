package dev.hotline.telephony.twilio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Click-to-call through Twilio ({@code hotline.twilio.outbound.*}).
 *
 * @param callerId     the number the agent's phone and the customer see (E.164, one of the account's numbers); empty
 *                     = the first of {@code hotline.twilio.numbers}
 * @param queue        the queue name outbound calls are recorded under (reports per queue)
 * @param agentRing    how long the agent's phone rings (Calls create Timeout)
 * @param customerRing how long the customer's phone rings ({@code <Dial timeout>})
 */
@ConfigurationProperties("hotline.twilio.outbound")
public record TwilioOutboundProperties(@DefaultValue("") String callerId,
                                       @DefaultValue("outbound") String queue,
                                       @DefaultValue("30s") Duration agentRing,
                                       @DefaultValue("45s") Duration customerRing) {
}
