package dev.hotline.routing;

import dev.hotline.contact.ContactAbandoned;
import dev.hotline.contact.ContactArrived;
import dev.hotline.contact.ContactEnded;
import dev.hotline.contact.ContactOverflowed;
import dev.hotline.contact.ContactTransferred;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Contact events that drive routing. Synchronous listeners on purpose: the arrival is routed before the entry point's
 * call returns (the measured hot path), and AMI threads carry no transaction to bind to.
 */
@Component
class RoutingListeners {

    private final Router router;

    RoutingListeners(Router router) {
        this.router = router;
    }

    @EventListener
    void on(ContactArrived event) {
        router.enqueue(event);
    }

    @EventListener
    void on(ContactAbandoned event) {
        router.drop(event.contactId(), "abandoned");
    }

    @EventListener
    void on(ContactOverflowed event) {
        router.drop(event.contactId(), "overflowed");
    }

    @EventListener
    void on(ContactEnded event) {
        router.drop(event.contactId(), "ended");
    }

    @EventListener
    void on(ContactTransferred event) {
        router.transfer(event.contactId(), event.toQueue());
    }
}
