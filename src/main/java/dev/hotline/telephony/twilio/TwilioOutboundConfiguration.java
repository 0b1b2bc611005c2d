package dev.hotline.telephony.twilio;

import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingAdministration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Click-to-call through Twilio, on when the account is configured (account SID and auth token). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(TwilioOutboundConfiguration.ON)
class TwilioOutboundConfiguration {

    static final String ON = "T(org.springframework.util.StringUtils).hasText('${hotline.twilio.account-sid:}') "
            + "and T(org.springframework.util.StringUtils).hasText('${hotline.twilio.auth-token:}')";

    @Bean
    @org.springframework.core.annotation.Order(2)   // when both adapters are on, click-to-call uses Asterisk
    TwilioOutboundCalls twilioOutboundCalls(TwilioApi api, ContactRouting routing, RoutingAdministration agents,
                                            TwilioProperties twilio, TwilioOutboundProperties properties) {
        return new TwilioOutboundCalls(api, routing, agents, twilio, properties);
    }
}
