package dev.hotline.routing;

import dev.hotline.contact.ContactAbandoned;
import dev.hotline.contact.ContactArrived;
import dev.hotline.contact.ContactEnded;
import dev.hotline.contact.ContactOverflowed;
import dev.hotline.contact.ContactTransferred;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.hotline.shared.AfterTransaction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Contact events that drive routing. Synchronous listeners on purpose: the arrival is routed before the entry point's
 * call returns (the measured hot path), and AMI threads carry no transaction to bind to.
 * <p>
 * Contact events are published inside the contact's row-locked transaction. Routing acts right after that commit, on
 * the same thread, outside it: Redis then never holds a contact whose arrival was rolled back, and offering other
 * contacts never locks a second contact row while the first is still locked (no lock-order deadlock).
 */
@Component
class RoutingListeners {

    private static final Logger log = LoggerFactory.getLogger(RoutingListeners.class);

    private final Router router;
    private final TransactionTemplate ownTransaction;

    RoutingListeners(Router router, PlatformTransactionManager transactions) {
        this.router = router;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    /** The queue is recorded in the arrival's transaction (no second one on the hot path); Redis after the commit. */
    @EventListener
    void on(ContactArrived event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            router.enqueue(event);
            return;
        }
        QueueSettings queue = router.placeInQueue(event);
        if (queue != null) {
            afterCommit(() -> router.route(event, queue));
        }
    }

    @EventListener
    void on(ContactAbandoned event) {
        afterCommit(() -> router.drop(event.contactId(), "abandoned"));
    }

    @EventListener
    void on(ContactOverflowed event) {
        afterCommit(() -> router.drop(event.contactId(), "overflowed"));
    }

    @EventListener
    void on(ContactEnded event) {
        afterCommit(() -> router.drop(event.contactId(), "ended"));
    }

    @EventListener
    void on(ContactTransferred event) {
        afterCommit(() -> router.transfer(event.contactId(), event.toQueue()));
    }

    private void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        if (AfterTransaction.defer(() -> runOwn(work))) {
            return;   // runs once the contact's transaction has released its connection
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // still bound to the committed transaction here: suspend it, so every contact write below commits in a
                // transaction of its own (one refused transition must not roll back the others)
                try {
                    ownTransaction.executeWithoutResult(status -> work.run());
                } catch (RuntimeException e) {
                    log.error("Routing could not act on a contact event", e);
                }
            }
        });
    }

    /** Deferred work: no transaction is bound any more; a failure must not fail the entry point's call. */
    private void runOwn(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            log.error("Routing could not act on a contact event", e);
        }
    }
}
