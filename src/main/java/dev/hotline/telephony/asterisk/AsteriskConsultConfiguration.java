package dev.hotline.telephony.asterisk;

import dev.hotline.routing.CallConsultation;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Consultative transfer through Asterisk, on with the rest of the adapter ({@code ami.host} set). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("T(org.springframework.util.StringUtils).hasText('${hotline.asterisk.ami.host:}')")
class AsteriskConsultConfiguration {

    @Bean
    AsteriskConsultation asteriskConsultation(AmiConnection ami, CallFinder finder, CallConsultation consultation,
                                              AsteriskProperties asterisk, AsteriskConsultProperties properties) {
        return new AsteriskConsultation(ami, finder, consultation, asterisk, properties);
    }
}
