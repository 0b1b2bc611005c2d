package dev.hotline.telephony.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Play;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.ContactHeld;
import dev.hotline.routing.ContactResumed;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.ContactTransferred;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.DomainException;
import dev.hotline.telephony.recording.QueueRecordings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hold, resume and blind transfer of a Twilio call through the Calls API, in the {@code <Dial>} model the calls are
 * connected with: updating the caller's call with new TwiML ends its {@code <Dial>} (Twilio hangs up the agent's leg
 * and requests the dial action, whose answer it does not execute). Hold: the caller hears music in a loop. Resume:
 * the caller's {@code <Dial>} rings the same agent's softphone or phone again. Transfer: music until the next agent
 * accepts, whose {@code ContactAssigned} redirect dials that agent. A hold Twilio refuses is undone in routing.
 */
@Component
class CallHold implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallHold.class);

    private final TwilioApi api;
    private final CallScripts scripts;
    private final ContactRouting routing;
    private final RoutingAdministration agents;
    private final TwilioProperties properties;
    private final TwilioHoldProperties hold;
    private final QueueRecordings recordings;
    /** The REST round trips run off the publishing thread (a console request); holds are rare next to call moves. */
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        var t = new Thread(r, "twilio-hold");
        t.setDaemon(true);
        return t;
    });

    CallHold(TwilioApi api, CallScripts scripts, ContactRouting routing, RoutingAdministration agents,
             TwilioProperties properties, TwilioHoldProperties hold, QueueRecordings recordings) {
        this.recordings = recordings;
        this.api = api;
        this.scripts = scripts;
        this.routing = routing;
        this.agents = agents;
        this.properties = properties;
        this.hold = hold;
    }

    @EventListener
    void on(ContactHeld held) {
        if (ours(held.provider(), held.externalId())) {
            executor.execute(() -> {
                if (!move(held.externalId(), music(), "hold of contact " + held.contactId())) {
                    try {
                        routing.hold(held.contactId(), held.agent(), false);
                    } catch (DomainException e) {
                        log.debug("Contact {} not taken off hold: {}", held.contactId(), e.getMessage());
                    }
                }
            });
        }
    }

    @EventListener
    void on(ContactResumed resumed) {
        if (ours(resumed.provider(), resumed.externalId())) {
            executor.execute(() -> {
                AgentProfile agent = agents.agent(resumed.agent());
                if (isBlank(agent.clientIdentity()) && isBlank(agent.phone())) {
                    log.warn("Contact {} resumed but agent {} has neither a Twilio client identity nor a phone; the "
                            + "caller stays on hold", resumed.contactId(), resumed.agent());
                    return;
                }
                move(resumed.externalId(), scripts.connectAgent(resumed.contactId(), resumed.agent(),
                        agent.clientIdentity(), agent.phone(), recordings.records(resumed.queue())), "resume of contact " + resumed.contactId());
            });
        }
    }

    @EventListener
    void on(ContactTransferred transferred) {
        if (transferred.handedOn() && ours(transferred.provider(), transferred.externalId())) {
            executor.execute(() -> move(transferred.externalId(), music(),
                    "transfer of contact " + transferred.contactId() + " by " + transferred.fromAgent()));
        }
    }

    /** Music in a loop until the call is moved again. */
    VoiceResponse music() {
        return new VoiceResponse.Builder().play(new Play.Builder(hold.musicUrl()).loop(0).build()).build();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private boolean ours(String provider, String callSid) {
        return properties.enabled() && VoiceCalls.PROVIDER.equals(provider) && callSid != null;
    }

    private boolean move(String callSid, VoiceResponse twiml, String what) {
        try {
            api.redirect(callSid, twiml);
            log.debug("Call {} updated: {}", callSid, what);
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not update Twilio call {} ({}): {}", callSid, what, e.getMessage());
            return false;
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
