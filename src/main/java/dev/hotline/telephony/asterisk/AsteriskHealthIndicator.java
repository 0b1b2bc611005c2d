package dev.hotline.telephony.asterisk;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** "asterisk" in /actuator/health: the AMI session, and why it is down. */
class AsteriskHealthIndicator implements HealthIndicator {

    private final AmiConnection ami;

    AsteriskHealthIndicator(AmiConnection ami) {
        this.ami = ami;
    }

    @Override
    public Health health() {
        var state = ami.state();
        var health = state.up() ? Health.up() : Health.down();
        return health.withDetail("ami", ami.address()).withDetail("detail", state.detail()).build();
    }
}
