package dev.hotline.routing;

import dev.hotline.shared.OwnThreadSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every node puts callbacks whose retry pause is over back into their queues (each claimed once in Redis) and offers
 * them to free agents, every {@code hotline.routing.sweep-interval}.
 */
@Component
class CallbackRetries extends OwnThreadSweep {

    private static final Logger log = LoggerFactory.getLogger(CallbackRetries.class);

    private final CallbackRouting callbacks;
    private final Router router;

    CallbackRetries(CallbackRouting callbacks, Router router, RoutingProperties properties) {
        super("callback-retries", properties.sweepInterval());
        this.callbacks = callbacks;
        this.router = router;
    }

    @Override
    protected void sweep() {
        try {
            callbacks.due().forEach(router::match);
        } catch (RuntimeException e) {
            log.warn("Callback retries not swept: {}", e.toString());
        }
    }
}
