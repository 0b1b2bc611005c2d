package dev.hotline.telephony.asterisk;

import dev.hotline.telephony.supervision.SupervisionLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Supervisor listen / whisper / barge through Asterisk, on with the rest of the adapter ({@code ami.host} set). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("T(org.springframework.util.StringUtils).hasText('${hotline.asterisk.ami.host:}')")
class AsteriskSupervisionConfiguration {

    @Bean
    AsteriskCallSupervisor asteriskCallSupervisor(AmiConnection ami, AsteriskProperties asterisk,
                                                  AsteriskSupervisionProperties properties, SupervisionLog sessions) {
        return new AsteriskCallSupervisor(ami, asterisk, properties, sessions);
    }
}
