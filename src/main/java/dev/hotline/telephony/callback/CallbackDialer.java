package dev.hotline.telephony.callback;

import dev.hotline.followup.OutboundCalls;
import dev.hotline.routing.Callback;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An agent accepted a queued callback: the call-back is placed as click-to-call places a call (the agent's phone
 * first, then the customer), through the telephony the call came in by, for the same contact. What happens next
 * (answered, not reached, hung up) the adapter reports to routing as for any outbound call.
 */
@Component
class CallbackDialer implements DisposableBean {

    /** The provider routing reports for an accepted callback. */
    static final String PROVIDER = "callback";
    private static final Logger log = LoggerFactory.getLogger(CallbackDialer.class);

    private final ContactRouting routing;
    private final ObjectProvider<OutboundCalls> telephony;
    private final ExecutorService placing = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "callback-dialer");
        t.setDaemon(true);
        return t;
    });

    CallbackDialer(ContactRouting routing, ObjectProvider<OutboundCalls> telephony) {
        this.routing = routing;
        this.telephony = telephony;
    }

    @EventListener
    void on(ContactAssigned assigned) {
        if (PROVIDER.equals(assigned.provider())) {
            placing.execute(() -> place(assigned.contactId(), assigned.agent()));
        }
    }

    private void place(ContactId contact, String agent) {
        Callback callback = routing.callback(contact).orElse(null);
        if (callback == null) {
            log.warn("Contact {} was accepted as a callback but has no call-back number", contact);
            return;
        }
        OutboundCalls calls = telephony.orderedStream().filter(t -> t.provider().equals(callback.provider()))
                .findFirst().orElseGet(() -> telephony.orderedStream().findFirst().orElse(null));
        if (calls == null) {
            log.warn("Callback {} to {}: no telephony configured to place it", contact, callback.number());
            routing.dialFailed(contact, agent, "telephony-unavailable");
            return;
        }
        try {
            calls.ring(contact, agent, callback.number());
            log.info("Callback {}: ringing {}, then {} through {}", contact, agent, callback.number(), calls.provider());
        } catch (DomainException e) {
            // the adapter has given the contact back to routing already (not connected)
            log.warn("Callback {} to {} not placed: {}", contact, callback.number(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Callback {} to {} not placed", contact, callback.number(), e);
            routing.dialFailed(contact, agent, "telephony-unavailable");
        }
    }

    @Override
    public void destroy() {
        placing.shutdownNow();
    }
}
