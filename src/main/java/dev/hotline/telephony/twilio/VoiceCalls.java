package dev.hotline.telephony.twilio;

import com.twilio.twiml.VoiceResponse;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.DeferredArrivals;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.telephony.callback.CallbackNumbers;
import dev.hotline.telephony.recording.QueueRecordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Turns voice webhooks into contact transitions. Twilio retries and reorders callbacks, so every step is idempotent
 * or refused by the contact itself ({@link ConflictException}), which we log and acknowledge: a refusal here would
 * only make Twilio retry a callback that can never apply.
 */
@Component
class VoiceCalls {

    static final String PROVIDER = "twilio";
    private static final Logger log = LoggerFactory.getLogger(VoiceCalls.class);
    private static final Set<String> CALL_OVER = Set.of("completed", "busy", "no-answer", "canceled", "failed");
    private static final Set<String> DIAL_ANSWERED = Set.of("answered", "completed");

    private final ContactIntake contacts;
    private final ContactRouting routing;
    private final TwilioProperties properties;
    private final CallScripts scripts;
    private final CallConnector connector;
    private final SupervisionConferences conferences;
    private final DeferredArrivals arrivals;
    private final QueueRecordings recordings;
    private final CallbackNumbers callbacks;

    VoiceCalls(ContactIntake contacts, ContactRouting routing, TwilioProperties properties, CallScripts scripts,
               CallConnector connector, SupervisionConferences conferences, DeferredArrivals arrivals,
               QueueRecordings recordings, CallbackNumbers callbacks) {
        this.recordings = recordings;
        this.callbacks = callbacks;
        this.conferences = conferences;
        this.arrivals = arrivals;
        this.routing = routing;
        this.contacts = contacts;
        this.properties = properties;
        this.scripts = scripts;
        this.connector = connector;
    }

    /** A call to one of our numbers: a contact in the number's queue, ringback while the ACD looks for an agent. */
    VoiceResponse incoming(Webhook call) {
        String callSid = call.require("CallSid", Webhook.CALL_SID);
        String to = call.param("To") != null ? call.param("To") : call.param("Called");
        // the record out: the caller still hears ringback within Twilio's timeout, the arrival is written when it is back
        Optional<ContactSnapshot> arrived = arrivals.arriveOrDefer(new NewContact(Channel.VOICE, PROVIDER, callSid,
                call.param("From"), to, properties.queueOf(to), null, null));
        if (arrived.isEmpty()) {
            return scripts.waiting(recordings.records(properties.queueOf(to)));
        }
        ContactSnapshot contact = arrived.get();
        if (contact.isFinal()) {
            log.debug("Call {} is already over (contact {}); hanging up", callSid, contact.id());
            return scripts.hangUp();
        }
        return scripts.waiting(recordings.records(contact.queue()), contact.id(),
                callbacks.offerAfter(contact.queue()));
    }

    /**
     * Status of the caller's call (configured on the number) or of an agent leg (our {@code <Client>}/{@code <Number>}
     * callback, which carries {@code contact} and {@code agent} in its URL).
     */
    void status(Webhook callback) {
        callback.require("CallSid", Webhook.CALL_SID);
        String status = callback.param("CallStatus");
        if (callback.query().containsKey("contact")) {
            agentLeg(callback, contactOf(callback), agentOf(callback), status);
        } else {
            callerLeg(callback, status);
        }
    }

    /** The {@code <Dial>} to the agent is over: hang up after a conversation, keep ringing back after a miss. */
    VoiceResponse dialOver(Webhook action) {
        ContactId contact = contactOf(action);
        String agent = agentOf(action);
        String outcome = action.param("DialCallStatus");
        if (outcome != null && DIAL_ANSWERED.contains(outcome)) {
            // a supervisor joined: the agent's leg was moved into the contact's conference, the caller follows it
            return conferences.of(contact).map(c -> scripts.conference(c.name())).orElseGet(scripts::hangUp);
        }
        log.info("Agent {} did not pick up contact {} ({}); giving it back to routing", agent, contact, outcome);
        connector.giveBack(contact, agent, "agent-leg-" + outcome);
        return routing.status(contact).isLive() ? scripts.waiting() : scripts.hangUp();
    }

    private void agentLeg(Webhook callback, ContactId contact, String agent, String status) {
        Instant at = callback.timestamp();
        if ("in-progress".equals(status) || "answered".equals(status)) {
            apply(contact, "answered by " + agent, () -> routing.answered(contact, agent, at));
        } else if ("completed".equals(status) && duration(callback) > 0) {
            // the answer callback may arrive after this one (or never): the leg lasted CallDuration, so it was answered
            Instant answeredAt = at == null ? null : at.minusSeconds(duration(callback));
            apply(contact, "answered by " + agent, () -> routing.answered(contact, agent, answeredAt));
        }
    }

    private void callerLeg(Webhook callback, String status) {
        if (status == null || !CALL_OVER.contains(status)) {
            return;
        }
        String callSid = callback.param("CallSid");
        Optional<ContactId> contact;
        try {
            contact = contacts.idOf(PROVIDER, callSid);
        } catch (RuntimeException e) {
            if (!dev.hotline.shared.Outages.isOutage(e)) {
                throw e;
            }
            // the record is out: Twilio does not send a status callback again, so the hang-up is kept, not refused
            arrivals.hangUpLater(PROVIDER, callSid, callback.timestamp());
            return;
        }
        if (contact.isEmpty() && arrivals.isKept(PROVIDER, callSid)) {   // arrived during the outage, not written yet
            arrivals.hangUpLater(PROVIDER, callSid, callback.timestamp());
            return;
        }
        if (contact.isEmpty()) {   // again: a kept arrival may have been written between the two looks
            contact = contacts.idOf(PROVIDER, callSid);
        }
        if (contact.isEmpty()) {
            log.debug("Status {} of call {} that is no contact of ours", status, callSid);
            return;
        }
        ContactId id = contact.get();
        apply(id, "caller hung up (" + status + ")", () -> routing.callerHungUp(id, callback.timestamp()));
    }

    private static void apply(ContactId contact, String what, Runnable transition) {
        try {
            transition.run();
        } catch (ConflictException late) {
            log.debug("Contact {} not {}: {}", contact, what, late.getMessage());
        }
    }

    private static long duration(Webhook callback) {
        try {
            return callback.param("CallDuration") == null ? 0 : Long.parseLong(callback.param("CallDuration"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static ContactId contactOf(Webhook callback) {
        String value = callback.query().get("contact");
        try {
            return new ContactId(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-webhook",
                    "The callback URL " + callback.path() + " names no contact");
        }
    }

    static String agentOf(Webhook callback) {
        String agent = callback.query().get("agent");
        if (agent == null || agent.isBlank()) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-webhook",
                    "The callback URL " + callback.path() + " names no agent");
        }
        return agent;
    }
}
