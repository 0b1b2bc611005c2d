package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ServiceUnavailableException;
import dev.hotline.telephony.supervision.CallSupervisor;
import dev.hotline.telephony.supervision.SupervisionLog;
import dev.hotline.telephony.supervision.SupervisionMode;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Supervision through Asterisk: an AMI {@code Originate} (Async) rings the supervisor's phone; answered, the channel
 * enters {@code [hotline-supervise]} (config/asterisk/extensions.conf), which runs
 * {@code ChanSpy(HOTLINE_SPY_TARGET,HOTLINE_SPY_OPTIONS)} on the agent's phone channel: {@code q} (no beep, no
 * channel name spoken) for listening, {@code qw} to whisper to the agent only, {@code qB} to barge into both sides;
 * {@code E} and {@code S} end the spy, and so the supervisor's call, when the agent's call is over. The spied
 * channel is named by prefix: the agent's dial string and the dash Asterisk puts before a channel's sequence number.
 * The OriginateResponse says whether the supervisor's phone answered; the Hangup of the channel carrying
 * {@code HOTLINE_SUPERVISION_ID} (manager.conf channelvars) is the end of the session.
 */
class AsteriskCallSupervisor implements CallSupervisor, ManagerEventListener, DisposableBean {

    static final String SESSION_VARIABLE = "HOTLINE_SUPERVISION_ID";
    static final String TARGET_VARIABLE = "HOTLINE_SPY_TARGET";
    static final String OPTIONS_VARIABLE = "HOTLINE_SPY_OPTIONS";
    /** Margin over the supervisor's ring time for the OriginateResponse to arrive. */
    private static final Duration RESPONSE_MARGIN = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AsteriskCallSupervisor.class);

    private final AmiConnection ami;
    private final AsteriskProperties asterisk;
    private final AsteriskSupervisionProperties properties;
    private final SupervisionLog sessions;
    private final ExecutorService originating = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "ami-supervise");
        t.setDaemon(true);
        return t;
    });

    AsteriskCallSupervisor(AmiConnection ami, AsteriskProperties asterisk, AsteriskSupervisionProperties properties,
                           SupervisionLog sessions) {
        this.ami = ami;
        this.asterisk = asterisk;
        this.properties = properties;
        this.sessions = sessions;
        ami.listen(this);
    }

    @Override
    public String provider() {
        return HotlineAgiScript.PROVIDER;
    }

    @Override
    public void join(Join join) {
        if (!ami.state().up()) {
            throw new ServiceUnavailableException("telephony-unavailable", "The PBX is not reachable ("
                    + ami.state().detail() + "): the supervisor's phone was not rung");
        }
        String extension = join.agent().extension();
        if (extension == null || extension.isBlank()) {
            throw new ConflictException("agent-no-phone", "Agent " + join.agent().username()
                    + " has no extension whose channel could be joined");
        }
        var action = new OriginateAction();
        action.setChannel(asterisk.agentDial(join.supervisorPhone()));
        action.setContext(properties.context());
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(properties.ring().toMillis());
        // the supervisor's phone shows which contact and agent it is about to join
        action.setCallerId("\"" + join.mode() + " " + join.agent().username() + "\" <" + join.contactId() + ">");
        action.setAsync(true);
        action.setVariable(SESSION_VARIABLE, Long.toString(join.session()));
        action.setVariable(TARGET_VARIABLE, asterisk.agentDial(extension) + "-");
        action.setVariable(OPTIONS_VARIABLE, spyOptions(join.mode()));
        originating.execute(() -> ring(join.session(), action));
    }

    /** ChanSpy's options for a mode (Asterisk 22 ChanSpy documentation). */
    static String spyOptions(SupervisionMode mode) {
        return switch (mode) {
            case LISTEN -> "qES";
            case WHISPER -> "qwES";
            case BARGE -> "qBES";
        };
    }

    /** Waits for the OriginateResponse: the supervisor answered and is spying, or why not. */
    private void ring(long session, OriginateAction action) {
        try {
            var reply = ami.list(action, properties.ring().plus(RESPONSE_MARGIN));
            if (reply.getResponse() instanceof ManagerError error) {
                sessions.failed(session, "pbx-refused", Instant.now());
                log.info("Supervision {} refused by the PBX: {}", session, error.getMessage());
                return;
            }
            var response = reply.getEvents().stream().filter(OriginateResponseEvent.class::isInstance)
                    .map(OriginateResponseEvent.class::cast).findFirst();
            if (response.isEmpty()) {
                sessions.failed(session, "pbx-no-response", Instant.now());
            } else if ("Success".equalsIgnoreCase(response.get().getResponse())) {
                sessions.answered(session, Instant.now());
            } else {
                sessions.failed(session, AsteriskOutboundCalls.agentLegFailure(response.get().getReason())
                        .replace("agent-", "supervisor-"), Instant.now());
            }
        } catch (AmiConnection.AmiFailure e) {
            sessions.failed(session, "pbx-unavailable", Instant.now());
        }
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof HangupEvent hangup && hangup.getChannelVariables() != null) {
            String session = hangup.getChannelVariables().get(SESSION_VARIABLE);
            if (session != null && session.strip().matches("\\d{1,18}")) {
                try {
                    sessions.ended(Long.parseLong(session.strip()), PbxEvents.timeOf(hangup));
                } catch (RuntimeException e) {
                    log.warn("Supervision {} ended but could not be logged: {}", session, e.getMessage());
                }
            }
        }
    }

    @Override
    public void destroy() {
        originating.shutdownNow();
    }
}
