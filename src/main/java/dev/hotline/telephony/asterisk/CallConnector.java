package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactOverflowed;
import dev.hotline.routing.ContactAssigned;
import dev.hotline.shared.Channel;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Moves a waiting caller out of the dialplan's ringback loop: to the accepting agent ({@code hotline-agents}, which
 * dials {@code HOTLINE_AGENT_DIAL}) or, on overflow, to the on-call phone through the trunk
 * ({@code hotline-overflow}, which dials {@code HOTLINE_OVERFLOW_TARGET}). The AMI round trips run on the AMI action
 * thread, never on the thread that published the event (it may be a console request or the AMI event thread).
 */
class CallConnector {

    static final String AGENT_DIAL_VARIABLE = "HOTLINE_AGENT_DIAL";
    static final String OVERFLOW_VARIABLE = "HOTLINE_OVERFLOW_TARGET";
    static final String ENTRY_EXTEN = "s";

    private static final Logger log = LoggerFactory.getLogger(CallConnector.class);

    private final AmiConnection ami;
    private final CallFinder finder;
    private final HandBack handBack;
    private final AsteriskProperties properties;

    CallConnector(AmiConnection ami, CallFinder finder, HandBack handBack, AsteriskProperties properties) {
        this.ami = ami;
        this.finder = finder;
        this.handBack = handBack;
        this.properties = properties;
    }

    @EventListener
    void connectToAgent(ContactAssigned assigned) {
        if (assigned.channel() != Channel.VOICE) {
            return;
        }
        ami.submit(() -> finder.find(assigned.contactId()).ifPresent(call -> {
            if (assigned.extension() == null || assigned.extension().isBlank()) {
                handBack.returnToRouting(assigned.contactId(), assigned.agent(), false, "agent has no extension");
                return;
            }
            call.assignedTo(assigned.agent());
            String dial = properties.agentDial(assigned.extension());
            try {
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

    @EventListener
    void connectToOnCall(ContactOverflowed overflowed) {
        if (!HotlineAgiScript.PROVIDER.equals(overflowed.provider())) {
            return;
        }
        ami.submit(() -> finder.find(overflowed.contactId()).ifPresent(call -> {
            try {
                ami.send(new SetVarAction(call.callerChannel(), OVERFLOW_VARIABLE, overflowed.target()));
                ami.send(new RedirectAction(call.callerChannel(), properties.overflowContext(), ENTRY_EXTEN, 1));
                log.info("Contact {} overflowed to the on-call phone {}", call.contact(), overflowed.target());
            } catch (AmiConnection.AmiFailure e) {
                // nothing left to fall back on in the app: the caller keeps hearing ringback, so say it loudly
                log.error("Contact {} could not be sent to the on-call phone {}: {}", call.contact(),
                        overflowed.target(), e.getMessage());
            }
        }));
    }
}
