package dev.hotline.telephony.asterisk;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * "asterisk" in /actuator/health: the AMI session, why it is down, and overflowed callers this node could not send
 * on ({@code overflowsNotRedirected}; the status stays with the session so a load balancer keeps the node).
 */
class AsteriskHealthIndicator implements HealthIndicator {

    private final AmiConnection ami;
    private final StrandedOverflows stranded;

    AsteriskHealthIndicator(AmiConnection ami, StrandedOverflows stranded) {
        this.ami = ami;
        this.stranded = stranded;
    }

    @Override
    public Health health() {
        var state = ami.state();
        var health = state.up() ? Health.up() : Health.down();
        return health.withDetail("ami", ami.address()).withDetail("detail", state.detail())
                .withDetail("overflowsNotRedirected", stranded.all()).build();
    }
}
