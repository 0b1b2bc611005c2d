package dev.hotline.telephony.twilio;

import com.twilio.twiml.VoiceResponse;
import dev.hotline.contact.ContactOverflowed;
import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.DomainException;
import dev.hotline.telephony.recording.QueueRecordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Moves live Twilio calls when the ACD decides: to the agent who accepted, or to the on-call phone on overflow. The
 * REST call can take a second or fail, so it runs on an executor of its own ({@code hotline.twilio.call-moves-in-flight}), never on the thread that published the event
 * (an agent's accept, the escalation sweep). A call that cannot be moved is handed back to routing, not lost.
 */
@Component
class CallConnector implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallConnector.class);

    private final AgentPresence presence;
    private final TwilioApi api;
    private final CallScripts scripts;
    private final TwilioProperties properties;
    private final ThreadPoolExecutor executor;
    private final QueueRecordings recordings;

    CallConnector(AgentPresence presence, TwilioApi api, CallScripts scripts, TwilioProperties properties,
                  QueueRecordings recordings) {
        this.recordings = recordings;
        this.presence = presence;
        this.api = api;
        this.scripts = scripts;
        this.properties = properties;
        var named = new AtomicInteger();
        // bounded: when Twilio is slow and the queue fills up, the publisher waits rather than dropping a call
        int threads = properties.callMovesInFlight();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1_000),
                r -> {
                    var t = new Thread(r, "twilio-calls-" + named.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @EventListener
    void on(ContactAssigned assigned) {
        if (properties.enabled() && assigned.channel().isVoice()) {
            executor.execute(() -> connect(assigned));
        }
    }

    @EventListener
    void on(ContactOverflowed overflowed) {
        if (properties.enabled() && overflowed.channel().isVoice() && VoiceCalls.PROVIDER.equals(overflowed.provider())) {
            executor.execute(() -> move(overflowed.externalId(), scripts.overflow(overflowed.target()),
                    "overflow of contact " + overflowed.contactId() + " to " + overflowed.target()));
        }
    }

    /** Routing tells which call it is: no database read (a caller who hung up meanwhile makes the redirect fail). */
    private void connect(ContactAssigned assigned) {
        if (!VoiceCalls.PROVIDER.equals(assigned.provider()) || assigned.externalId() == null) {
            return;
        }
        ContactId contact = assigned.contactId();
        boolean hasClient = assigned.clientIdentity() != null && !assigned.clientIdentity().isBlank();
        boolean hasPhone = assigned.phone() != null && !assigned.phone().isBlank();
        if (!hasClient && !hasPhone) {
            log.warn("Agent {} accepted Twilio call {} but has neither a Twilio client identity nor a phone",
                    assigned.agent(), contact);
            giveBack(contact, assigned.agent(), "agent-unreachable");
            return;
        }
        VoiceResponse dial = scripts.connectAgent(contact, assigned.agent(), assigned.clientIdentity(), assigned.phone(),
                recordings.records(assigned.queue()));
        if (!move(assigned.externalId(), dial, "contact " + contact + " to agent " + assigned.agent())) {
            giveBack(contact, assigned.agent(), "redirect-failed");
        }
    }

    private boolean move(String callSid, VoiceResponse twiml, String what) {
        try {
            api.redirect(callSid, twiml);
            log.debug("Redirected call {}: {}", callSid, what);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not redirect Twilio call {} ({}): {}", callSid, what, e.getMessage());
            return false;
        }
    }

    /**
     * The agent cannot be connected: routing puts the call back at its place in the queue and offers it to another
     * agent (an unanswered agent phone counts as the agent's ring-no-answer). The caller keeps hearing ringback.
     */
    void giveBack(ContactId contact, String agent, String reason) {
        try {
            presence.connectFailed(contact, agent, reason.equals("agent-leg-no-answer") || reason.equals("agent-leg-busy"));
        } catch (DomainException gone) {
            log.debug("Contact {} could not go back to the queue from {} ({}): {}", contact, agent, reason,
                    gone.getMessage());
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
