package dev.hotline.telephony.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.type.Client;
import com.twilio.type.Endpoint;
import com.twilio.type.PhoneNumber;
import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.CallConsultation;
import dev.hotline.routing.ContactConsultation;
import dev.hotline.shared.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Consultative transfer through Twilio. While the caller is held (its call plays music) the first agent has no live
 * leg in the {@code <Dial>} model, so the consult is a conference named after the contact: when the target accepts,
 * the Calls API rings the first agent and the target into it ({@code POST .../Calls.json} with the conference TwiML
 * and a status callback naming the leg). Complete: the caller's call is updated into the same conference (it ends the
 * conference when it leaves; so does the target), and the first agent's call is ended ({@code Status=completed}).
 * Return: both consult calls are ended, then the usual resume dials the first agent again ({@link CallHold}).
 */
@Component
class TwilioConsultation implements DisposableBean {

    static final String CONSULT_LEG = "/twilio/voice/consult";

    private static final Logger log = LoggerFactory.getLogger(TwilioConsultation.class);

    private final TwilioApi api;
    private final ConsultCalls calls;
    private final CallConsultation consultation;
    private final ContactIntake contacts;
    private final TwilioProperties properties;
    private final TwilioConsultProperties consult;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        var t = new Thread(r, "twilio-consult");
        t.setDaemon(true);
        return t;
    });

    TwilioConsultation(TwilioApi api, ConsultCalls calls, CallConsultation consultation, ContactIntake contacts,
                       TwilioProperties properties, TwilioConsultProperties consult) {
        this.api = api;
        this.calls = calls;
        this.consultation = consultation;
        this.contacts = contacts;
        this.properties = properties;
        this.consult = consult;
    }

    @EventListener
    void on(ContactConsultation e) {
        if (!properties.enabled() || !VoiceCalls.PROVIDER.equals(e.provider()) || e.externalId() == null) {
            return;
        }
        switch (e.phase()) {
            case TALKING -> executor.execute(() -> ring(e));
            case COMPLETED -> executor.execute(() -> complete(e));
            case RETURNED, FAILED, ENDED -> executor.execute(() -> hangUp(e.contactId()));
            default -> { }
        }
    }

    /** Rings the first agent and the target into the consult's conference. */
    private void ring(ContactConsultation e) {
        var id = e.contactId();
        Endpoint agent = endpoint(e.agentProfile());
        Endpoint target = endpoint(e.targetProfile());
        var line = contacts.find(id).map(c -> c.to()).filter(n -> n != null && n.startsWith("+"));
        if (agent == null || target == null || line.isEmpty()) {
            consultation.targetLost(id, agent == null ? "agent-no-phone" : target == null ? "target-no-phone" : "no-line");
            return;
        }
        calls.started(id, e.target());
        String conference = ConsultCalls.conferenceOf(id);
        int ring = (int) consult.ring().toSeconds();
        try {
            calls.agentCall(id, api.call(agent, new PhoneNumber(line.get()), room(conference, false),
                    properties.url(CONSULT_LEG + "?contact=" + id + "&leg=agent"), ring));
            calls.targetCall(id, api.call(target, new PhoneNumber(line.get()), room(conference, true),
                    properties.url(CONSULT_LEG + "?contact=" + id + "&leg=target"), ring));
            log.info("Consult on contact {}: {} and {} ringing into {}", id, e.agent(), e.target(), conference);
        } catch (ApiException | ApiConnectionException failure) {
            log.warn("Consult on contact {} not placed: {}", id, failure.getMessage());
            consultation.targetLost(id, "telephony-unavailable");
        }
    }

    /** The caller joins the target in the conference; the first agent's call ends. */
    private void complete(ContactConsultation e) {
        var consult = calls.over(e.contactId());
        if (consult.isEmpty()) {
            log.warn("Contact {} completed to {} but no consult calls are recorded", e.contactId(), e.target());
            return;
        }
        try {
            api.redirect(e.externalId(), room(consult.get().conference(), true));
        } catch (RuntimeException failure) {
            log.warn("Contact {} could not join {}: {}", e.contactId(), consult.get().conference(), failure.getMessage());
        }
        end(consult.get().agentCallSid());
    }

    private void hangUp(ContactId id) {
        calls.over(id).ifPresent(c -> {
            end(c.targetCallSid());
            end(c.agentCallSid());
        });
    }

    /**
     * A consult leg's status callback: the target's phone busy, unanswered or failing, or the target hanging up while
     * the consult runs, ends it (the caller stays on hold with the first agent); a repeat changes nothing.
     */
    void legStatus(ContactId id, String leg, String status) {
        if (!"target".equals(leg) || status == null) {
            return;
        }
        String reason = switch (status) {
            case "busy" -> "target-phone-busy";
            case "no-answer" -> "target-no-answer";
            case "failed", "canceled" -> "target-phone-unavailable";
            case "completed" -> "target-hung-up";
            default -> null;
        };
        var running = calls.of(id);
        if (reason != null && running.isPresent()
                && consultation.current(id).filter(c -> c.target().equals(running.get().target())).isPresent()) {
            consultation.targetLost(id, reason);
        }
    }

    /** Into the conference, silent until both are in; {@code endsIt}: leaving ends it for everyone. */
    private static VoiceResponse room(String name, boolean endsIt) {
        var room = new Conference.Builder(name).beep(Conference.Beep.FALSE).startConferenceOnEnter(true)
                .endConferenceOnExit(endsIt).build();
        return new VoiceResponse.Builder().dial(new Dial.Builder().conference(room).build()).build();
    }

    private static Endpoint endpoint(AgentProfile agent) {
        if (agent == null) {
            return null;
        }
        if (agent.clientIdentity() != null && !agent.clientIdentity().isBlank()) {
            return new Client("client:" + agent.clientIdentity());
        }
        return agent.phone() != null && agent.phone().startsWith("+") ? new PhoneNumber(agent.phone()) : null;
    }

    private void end(String callSid) {
        if (callSid == null) {
            return;
        }
        try {
            api.hangUp(callSid);
        } catch (RuntimeException gone) {
            log.debug("Consult call {} not ended (already over?): {}", callSid, gone.getMessage());
        }
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
