package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.shared.DomainException;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.ChannelTalkingStartEvent;
import org.asteriskjava.manager.event.ChannelTalkingStopEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.HangupRequestEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.SoftHangupRequestEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what the PBX reports into contact transitions: the agent leg answered (DialEnd ANSWER, or the caller entering
 * the bridge) is the answer time; the caller's Hangup abandons or ends the contact; an agent leg that was not answered
 * goes back to routing; TALK_DETECT events give the silences. Who hung up first is the side whose channel Asterisk
 * first asked to hang up (HangupRequest, SoftHangupRequest): when the caller hangs up a bridged call, Asterisk hangs
 * up the agent's leg and publishes its Hangup before the caller's own, so the Hangup order decides only when no
 * request was heard. Dialling in the overflow context is the on-call phone, never an agent's answer. Runs on
 * asterisk-java's single event thread, so the events of one call arrive in order. Every node hears every event and
 * acts on it: the contact log, routing and call_quality take repeats without a second effect. Events of channels that
 * are not a hotline call are ignored.
 */
class PbxEvents implements ManagerEventListener {

    static final String CUSTOMER = "CUSTOMER";
    static final String AGENT = "AGENT";

    private static final Logger log = LoggerFactory.getLogger(PbxEvents.class);

    private final CallDirectory directory;
    private final LiveCalls calls;
    private final ContactIntake intake;
    private final ContactRouting routing;
    private final HandBack handBack;
    private final CallQualityRecorder quality;
    private final StrandedOverflows stranded;
    private final Duration silenceThreshold;
    private final String overflowContext;

    PbxEvents(CallDirectory directory, LiveCalls calls, ContactIntake intake, ContactRouting routing, HandBack handBack,
              CallQualityRecorder quality, StrandedOverflows stranded, Duration silenceThreshold,
              String overflowContext) {
        this.overflowContext = overflowContext;
        this.routing = routing;
        this.directory = directory;
        this.calls = calls;
        this.intake = intake;
        this.handBack = handBack;
        this.quality = quality;
        this.stranded = stranded;
        this.silenceThreshold = silenceThreshold;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        try {
            if (event instanceof DialBeginEvent e) {
                directory.of(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getChannelVariables())
                        .filter(call -> call.isCaller(e.getUniqueId()) && !onCallDial(e))
                        .ifPresent(call -> {
                            call.agentLeg(e.getDestUniqueId());
                            call.agentLegChannel(e.getDestChannel());
                        });
            } else if (event instanceof DialEndEvent e) {
                directory.of(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getChannelVariables())
                        .filter(call -> !onCallDial(e))
                        .ifPresent(call -> dialEnded(call, e));
            } else if (event instanceof HangupRequestEvent e) {
                directory.of(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getChannelVariables())
                        .ifPresent(call -> firstHangUp(call, e.getUniqueId(), timeOf(e)));
            } else if (event instanceof SoftHangupRequestEvent e) {
                directory.of(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getChannelVariables())
                        .ifPresent(call -> firstHangUp(call, e.getUniqueId(), timeOf(e)));
            } else if (event instanceof BridgeEnterEvent e) {
                directory.of(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getChannelVariables())
                        .ifPresent(call -> bridged(call, timeOf(e)));
            } else if (event instanceof HangupEvent e) {
                stranded.hungUp(e.getUniqueId());
                directory.of(e.getLinkedId(), e.getUniqueId(), e.getChannel(), e.getChannelVariables())
                        .ifPresent(call -> hungUp(call, e.getUniqueId(), timeOf(e)));
            } else if (event instanceof ChannelTalkingStopEvent e) {
                directory.of(e.getLinkedId(), e.getUniqueId(), null, e.getChannelVariables())
                        .ifPresent(call -> call.silence().talkingStopped(e.getUniqueId(), timeOf(e), e.getDuration()));
            } else if (event instanceof ChannelTalkingStartEvent e) {
                directory.of(e.getLinkedId(), e.getUniqueId(), null, e.getChannelVariables())
                        .ifPresent(call -> call.silence().talkingStarted(e.getUniqueId(), timeOf(e))
                                .ifPresent(s -> silence(call, s)));
            }
        } catch (RuntimeException e) {
            // one bad event must not stop the event thread for every other call
            log.error("Could not handle {}", event.getClass().getSimpleName(), e);
        }
    }

    private void dialEnded(LiveCall call, DialEndEvent e) {
        if (!call.isCaller(e.getUniqueId())) {
            return;
        }
        String redirectedFor = CallDirectory.agentIn(e.getChannelVariables());
        if (redirectedFor != null) {
            call.assignedTo(redirectedFor);
        }
        String status = e.getDialStatus() == null ? "" : e.getDialStatus().toUpperCase(Locale.ROOT);
        if (status.equals("ANSWER")) {
            call.agentLeg(e.getDestUniqueId());
            call.agentLegChannel(e.getDestChannel());
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

    /** Entering a bridge answers a call that an agent was connecting (not the trunk leg of an overflow). */
    private void bridged(LiveCall call, Instant at) {
        if (call.isAnswered()) {
            return;
        }
        boolean connecting = call.agent() != null || routing.status(call.contact()) == RoutingStatus.ASSIGNED;
        if (connecting) {
            answer(call, at);
        }
    }

    private void answer(LiveCall call, Instant at) {
        if (call.isAnswered()) {
            return;
        }
        String agent = agentOf(call);
        if (agent == null) {
            // no agent took it (a bridge the app did not make): nothing to answer for; its hang-up still ends it
            log.warn("Contact {} entered a bridge on the PBX but no agent has it in routing or the record",
                    call.contact());
            return;
        }
        call.answered(at);
        call.silence().answered(at);
        try {
            routing.answered(call.contact(), agent, at);
        } catch (DomainException e) {
            log.warn("Contact {} answered on the PBX but not in the contact log: {}", call.contact(), e.getMessage());
        }
    }

    private void hungUp(LiveCall call, String uniqueId, Instant at) {
        firstHangUp(call, uniqueId, at);
        if (call.isCaller(uniqueId)) {
            calls.forget(call);
            try {
                routing.callerHungUp(call.contact(), at);
            } catch (DomainException ex) {
                log.warn("Hang-up of contact {} not recorded: {}", call.contact(), ex.getMessage());
            }
        }
    }

    /** The first hang-up (request, else Hangup) of the caller's channel or the agent's leg of an answered call. */
    private void firstHangUp(LiveCall call, String uniqueId, Instant at) {
        String side = call.sideOf(uniqueId);
        if (side != null && call.isAnswered() && call.firstHangUp(side)) {
            call.silence().hungUp(at).ifPresent(s -> silence(call, s));
            quality.hungUpFirst(call.contact(), agentOf(call), side, at);
        }
    }

    /** The caller's channel dialling in the overflow context: the on-call phone (or the fallback), not an agent. */
    private boolean onCallDial(ManagerEvent e) {
        return overflowContext.equals(e.getContext());
    }

    private void silence(LiveCall call, LineSilence.Silence silence) {
        if (silence.length().compareTo(silenceThreshold) > 0) {
            quality.silence(call.contact(), agentOf(call), silence.start(), silence.end());
        }
    }

    /**
     * The agent the PBX connected, else the one routing has on the contact (the event carried no channel variables),
     * else the one the record names (written behind routing, so asked last).
     */
    private String agentOf(LiveCall call) {
        if (call.agent() != null) {
            return call.agent();
        }
        String assigned = routing.assignedAgent(call.contact());
        return assigned != null ? assigned : contact(call).map(ContactSnapshot::agent).orElse(null);
    }

    private Optional<ContactSnapshot> contact(LiveCall call) {
        return intake.find(call.contact());
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
