package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactOverflowed;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.shared.Channel;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

import java.time.Duration;

/**
 * Moves a waiting caller out of the dialplan's ringback loop: to the accepting agent ({@code hotline-agents}, which
 * dials {@code HOTLINE_AGENT_DIAL}) or, on overflow, to the on-call phone through the trunk
 * ({@code hotline-overflow}, which dials {@code HOTLINE_OVERFLOW_TARGET}). The AMI round trips run on the AMI action
 * thread, never on the thread that published the event (it may be a console request or the AMI event thread).
 * An overflow the PBX refuses is tried once more with the channel looked up afresh; after that the caller is
 * {@link StrandedOverflows stranded}: still in the ringback loop, reported in health.
 */
class CallConnector {

    static final String AGENT_DIAL_VARIABLE = "HOTLINE_AGENT_DIAL";
    static final String OVERFLOW_VARIABLE = "HOTLINE_OVERFLOW_TARGET";
    static final String ENTRY_EXTEN = "s";
    static final Duration OVERFLOW_RETRY = Duration.ofSeconds(1);

    private static final Logger log = LoggerFactory.getLogger(CallConnector.class);

    private final AmiConnection ami;
    private final CallFinder finder;
    private final HandBack handBack;
    private final StrandedOverflows stranded;
    private final LiveCalls calls;
    private final AsteriskProperties properties;

    CallConnector(AmiConnection ami, CallFinder finder, HandBack handBack, StrandedOverflows stranded, LiveCalls calls,
                  AsteriskProperties properties) {
        this.ami = ami;
        this.finder = finder;
        this.handBack = handBack;
        this.stranded = stranded;
        this.calls = calls;
        this.properties = properties;
    }

    @EventListener
    void connectToAgent(ContactAssigned assigned) {
        // a queued callback has no caller on the line: its call-back is placed instead (telephony.callback)
        if (assigned.channel() != Channel.VOICE || "callback".equals(assigned.provider())) {
            return;
        }
        ami.submit(() -> callerOf(assigned).ifPresent(call -> {
            if (assigned.extension() == null || assigned.extension().isBlank()) {
                handBack.returnToRouting(assigned.contactId(), assigned.agent(), false, "agent has no extension");
                return;
            }
            call.assignedTo(assigned.agent());
            String dial = properties.agentDial(assigned.extension());
            try {
                ami.send(new SetVarAction(call.callerChannel(), CallDirectory.AGENT_VARIABLE, assigned.agent()));
                ami.send(new SetVarAction(call.callerChannel(), AGENT_DIAL_VARIABLE, dial));
                ami.send(new RedirectAction(call.callerChannel(), properties.agentsContext(), ENTRY_EXTEN, 1));
                log.debug("Contact {} on {} redirected to {} ({})", call.contact(), call.callerChannel(),
                        assigned.agent(), dial);
            } catch (AmiConnection.AmiFailure e) {
                call.assignedTo(null);
                log.warn("Contact {} could not be connected to {}: {}", call.contact(), assigned.agent(),
                        e.getMessage());
                handBack.returnToRouting(assigned.contactId(), assigned.agent(), false, e.getMessage());
            }
        }));
    }

    /**
     * The accepted call's caller; a call registered by another node while the AMI connection is down cannot be looked
     * up on the PBX: given back to routing then (the next agent's accept tries again), not left with the agent while
     * the caller hears ringback.
     */
    private java.util.Optional<LiveCall> callerOf(ContactAssigned assigned) {
        try {
            return finder.findOrFail(assigned.contactId());
        } catch (AmiConnection.AmiFailure e) {
            log.warn("Contact {} could not be connected to {}: its caller's channel is unknown ({})",
                    assigned.contactId(), assigned.agent(), e.getMessage());
            handBack.returnToRouting(assigned.contactId(), assigned.agent(), false, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    @EventListener
    void connectToOnCall(ContactOverflowed overflowed) {
        if (!HotlineAgiScript.PROVIDER.equals(overflowed.provider())) {
            return;
        }
        ami.submit(() -> sendToOnCall(overflowed, true));
    }

    private void sendToOnCall(ContactOverflowed overflowed, boolean firstTry) {
        var found = finder.find(overflowed.contactId());
        if (found.isEmpty()) {
            log.info("Contact {} overflowed but its caller is no longer on the PBX", overflowed.contactId());
            return;
        }
        var call = found.get();
        try {
            ami.send(new SetVarAction(call.callerChannel(), OVERFLOW_VARIABLE, overflowed.target()));
            ami.send(new RedirectAction(call.callerChannel(), properties.overflowContext(), ENTRY_EXTEN, 1));
            log.info("Contact {} overflowed to the on-call phone {}", call.contact(), overflowed.target());
        } catch (AmiConnection.AmiFailure e) {
            if (firstTry) {
                log.warn("Contact {} not sent to the on-call phone {}: {}; trying again in {}", call.contact(),
                        overflowed.target(), e.getMessage(), OVERFLOW_RETRY);
                calls.forget(call);   // the retry asks the PBX for the caller's channel again
                ami.submitLater(() -> sendToOnCall(overflowed, false), OVERFLOW_RETRY);
            } else {
                stranded.add(call, overflowed.target(), e.getMessage());
            }
        }
    }
}
