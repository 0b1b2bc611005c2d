package dev.hotline.telephony.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.type.Client;
import com.twilio.type.Endpoint;
import com.twilio.type.PhoneNumber;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.ServiceUnavailableException;
import dev.hotline.telephony.supervision.CallSupervisor;
import dev.hotline.telephony.supervision.SupervisionLog;
import dev.hotline.telephony.supervision.SupervisionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Supervision through Twilio. A {@code <Dial>} bridge cannot be joined, so the first join moves the call into a
 * conference named after the contact: the agent's leg (the caller's in-progress child call) is redirected into it,
 * which ends the caller's {@code <Dial>}, and the dial action ({@link VoiceCalls#dialOver}) sends the caller after it.
 * The supervisor is then added as a conference participant (REST Participants create): muted to listen, coaching the
 * agent's leg ({@code Coaching}, {@code CallSidToCoach}) to whisper, unmuted to barge. The participant's status
 * callbacks, signed and carrying the session in their URL, move the supervision log along; Twilio retries them,
 * and the log ignores a repeat.
 */
@Component
@ConditionalOnExpression(TwilioOutboundConfiguration.ON)
class TwilioCallSupervisor implements CallSupervisor {

    static final String SUPERVISOR_LEG = "/twilio/voice/supervision";
    /** A number in E.164 or a Twilio Client identity: what a conference participant can ring. */
    private static final String ENDPOINT = "client:[A-Za-z0-9_.@-]{1,60}|\\+[0-9]{6,20}";

    private static final Logger log = LoggerFactory.getLogger(TwilioCallSupervisor.class);

    private final TwilioApi api;
    private final CallScripts scripts;
    private final SupervisionConferences conferences;
    private final SupervisionLog sessions;
    private final TwilioProperties twilio;
    private final TwilioSupervisionProperties properties;

    TwilioCallSupervisor(TwilioApi api, CallScripts scripts, SupervisionConferences conferences,
                         SupervisionLog sessions, TwilioProperties twilio, TwilioSupervisionProperties properties) {
        this.api = api;
        this.scripts = scripts;
        this.conferences = conferences;
        this.sessions = sessions;
        this.twilio = twilio;
        this.properties = properties;
    }

    @Override
    public String provider() {
        return VoiceCalls.PROVIDER;
    }

    @Override
    public void join(Join join) {
        Endpoint supervisor = endpoint(join.supervisorPhone());
        var contact = new ContactId(join.contactId());
        try {
            var conference = conferences.of(contact).orElseGet(() -> intoConference(contact, join.externalId()));
            api.addParticipant(conference.name(), new PhoneNumber(join.line()), supervisor,
                    join.mode() == SupervisionMode.LISTEN,
                    join.mode() == SupervisionMode.WHISPER ? conference.agentCallSid() : null,
                    twilio.url(SUPERVISOR_LEG + "?session=" + join.session()), (int) properties.ring().toSeconds());
            log.info("Supervision {}: {} ringing into {} to {}", join.session(), join.supervisorPhone(),
                    conference.name(), join.mode());
        } catch (ApiConnectionException | ApiException e) {
            throw new ServiceUnavailableException("telephony-unavailable", "Twilio did not ring the supervisor ("
                    + e.getMessage() + ")");
        }
    }

    /** Moves the agent's leg into the contact's conference; the caller follows through the dial action. */
    private SupervisionConferences.Conference intoConference(ContactId contact, String callerSid) {
        String agentLeg = api.inProgressChild(callerSid).orElseThrow(() -> new ConflictException("call-not-live",
                "Twilio has no connected agent leg on call " + callerSid));
        var conference = conferences.moving(contact, agentLeg);
        try {
            api.redirect(agentLeg, scripts.conference(conference.name()));
        } catch (RuntimeException e) {
            conferences.forget(contact);
            throw e;
        }
        return conference;
    }

    private static Endpoint endpoint(String phone) {
        if (!phone.matches(ENDPOINT)) {
            throw new InvalidInputException("phone", "Twilio rings a number in E.164 (+86...) or client:identity, not "
                    + phone);
        }
        return phone.startsWith("client:") ? new Client(phone) : new PhoneNumber(phone);
    }

    /** The supervisor's participant call: answered, over, or never answered. */
    void supervisorLeg(long session, String status, Instant at) {
        Instant when = at == null ? Instant.now() : at;
        switch (status == null ? "" : status) {
            case "in-progress", "answered" -> sessions.answered(session, when);
            case "completed" -> sessions.ended(session, when);
            case "busy" -> sessions.failed(session, "supervisor-phone-busy", when);
            case "no-answer" -> sessions.failed(session, "supervisor-no-answer", when);
            case "failed", "canceled" -> sessions.failed(session, "supervisor-phone-unavailable", when);
            default -> log.debug("Supervision {}: status {}", session, status);
        }
    }
}
