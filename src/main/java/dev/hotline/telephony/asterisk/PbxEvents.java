package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.shared.DomainException;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.ChannelTalkingStartEvent;
import org.asteriskjava.manager.event.ChannelTalkingStopEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns what the PBX reports into contact transitions: the agent leg answered (DialEnd ANSWER, or the caller entering
 * the bridge) is the answer time; the caller's Hangup abandons or ends the contact; an agent leg that was not answered
 * goes back to routing. Runs on asterisk-java's single event thread, so the events of one call arrive in order.
 * Events of channels that are not a tracked hotline call are ignored.
 */
class PbxEvents implements ManagerEventListener {

    static final String CUSTOMER = "CUSTOMER";
    static final String AGENT = "AGENT";

    private static final Logger log = LoggerFactory.getLogger(PbxEvents.class);

    private final LiveCalls calls;
    private final ContactIntake intake;
    private final HandBack handBack;
    private final CallQualityRecorder quality;
    private final Duration silenceThreshold;

    PbxEvents(LiveCalls calls, ContactIntake intake, HandBack handBack, CallQualityRecorder quality,
              Duration silenceThreshold) {
        this.calls = calls;
        this.intake = intake;
        this.handBack = handBack;
        this.quality = quality;
        this.silenceThreshold = silenceThreshold;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        try {
            if (event instanceof DialEndEvent) {
                dialEnded((DialEndEvent) event);
            } else if (event instanceof BridgeEnterEvent) {
                bridged((BridgeEnterEvent) event);
            } else if (event instanceof HangupEvent) {
                hungUp((HangupEvent) event);
            } else if (event instanceof ChannelTalkingStopEvent) {
                talkingStopped((ChannelTalkingStopEvent) event);
            } else if (event instanceof ChannelTalkingStartEvent) {
                talkingStarted((ChannelTalkingStartEvent) event);
            }
        } catch (RuntimeException e) {
            // one bad event must not stop the event thread for every other call
            log.error("Could not handle {}", event.getClass().getSimpleName(), e);
        }
    }

    private void dialEnded(DialEndEvent e) {
        var call = calls.byLinkedId(e.getLinkedId()).filter(c -> c.isCaller(e.getUniqueId())).orElse(null);
        if (call == null) {
            log.debug("DialEnd of untracked channel {} ignored", e.getChannel());
            return;
        }
        String status = e.getDialStatus() == null ? "" : e.getDialStatus().toUpperCase(java.util.Locale.ROOT);
        if (status.equals("ANSWER")) {
            answer(call, timeOf(e));
        } else if (status.equals("CANCEL") || call.isAnswered() || call.agent() == null) {
            // CANCEL: the caller hung up while the agent's phone rang; the Hangup that follows closes the contact
            log.debug("DialEnd {} of contact {} needs nothing", status, call.contact());
        } else {
            String agent = call.agent();
            call.assignedTo(null);
            // rang out or busy: the agent's own doing (a ring-no-answer); unreachable or congested: the phone's
            boolean agentDidNotAnswer = status.equals("NOANSWER") || status.equals("BUSY");
            log.info("Agent {}'s phone did not take contact {} ({}); back to routing", agent, call.contact(), status);
            handBack.returnToRouting(call.contact(), agent, agentDidNotAnswer, "agent leg " + status);
        }
    }

    private void bridged(BridgeEnterEvent e) {
        calls.byLinkedId(e.getLinkedId())
                .filter(c -> c.agent() != null && !c.isAnswered())
                .ifPresent(call -> answer(call, timeOf(e)));
    }

    private void answer(LiveCall call, Instant at) {
        if (call.isAnswered()) {
            return;
        }
        call.answered(at);
        String agent = call.agent() != null ? call.agent()
                : intake.find(call.contact()).map(c -> c.agent()).orElse(null);
        try {
            intake.answered(call.contact(), agent, at);
        } catch (DomainException e) {
            log.warn("Contact {} answered on the PBX but not in the contact log: {}", call.contact(), e.getMessage());
        }
    }

    private void hungUp(HangupEvent e) {
        var call = calls.byLinkedId(e.getLinkedId()).orElse(null);
        if (call == null) {
            log.debug("Hangup of untracked channel {} ignored", e.getChannel());
            return;
        }
        Instant at = timeOf(e);
        boolean caller = call.isCaller(e.getUniqueId());
        if (call.isAnswered() && call.firstHangUp(caller ? CUSTOMER : AGENT)) {
            quality.hungUpFirst(call.contact(), call.agent(), caller ? CUSTOMER : AGENT, at);
        }
        if (caller) {
            calls.forget(call);
            try {
                intake.callerHungUp(call.contact(), at);
            } catch (DomainException ex) {
                log.warn("Hang-up of contact {} not recorded: {}", call.contact(), ex.getMessage());
            }
        }
    }

    private void talkingStopped(ChannelTalkingStopEvent e) {
        calls.byLinkedId(e.getLinkedId()).filter(LiveCall::isAnswered).ifPresent(c -> c.silentSince(timeOf(e)));
    }

    private void talkingStarted(ChannelTalkingStartEvent e) {
        var call = calls.byLinkedId(e.getLinkedId()).filter(LiveCall::isAnswered).orElse(null);
        if (call == null || call.silentSince() == null) {
            return;
        }
        Duration silence = Duration.between(call.silentSince(), timeOf(e));
        call.silentSince(null);
        if (silence.compareTo(silenceThreshold) > 0) {
            quality.silence(call.contact(), call.agent(), silence);
        }
    }

    /** The PBX's own time when it sends one (manager.conf timestampevents=yes), else when the event arrived. */
    static Instant timeOf(ManagerEvent e) {
        Double ts = e.getTimestamp();
        if (ts != null) {
            long micros = Math.round(ts * 1_000_000);   // Asterisk sends seconds with 6 decimals
            return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L);
        }
        return e.getDateReceived() == null ? Instant.now() : e.getDateReceived().toInstant();
    }
}
