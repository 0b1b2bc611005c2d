package dev.hotline.telephony.asterisk;

import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingAdministration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Click-to-call through Asterisk, on with the rest of the adapter ({@code hotline.asterisk.ami.host} set). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("T(org.springframework.util.StringUtils).hasText('${hotline.asterisk.ami.host:}')")
class AsteriskOutboundConfiguration {

    @Bean
    @org.springframework.core.annotation.Order(1)   // when both adapters are on, click-to-call uses Asterisk
    AsteriskOutboundCalls asteriskOutboundCalls(AmiConnection ami, ContactRouting routing, RoutingAdministration agents,
                                                AsteriskProperties asterisk, AsteriskOutboundProperties properties) {
        return new AsteriskOutboundCalls(ami, routing, agents, asterisk, properties);
    }
}
