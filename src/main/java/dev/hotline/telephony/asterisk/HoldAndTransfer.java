package dev.hotline.telephony.asterisk;

import dev.hotline.routing.ContactHeld;
import dev.hotline.routing.ContactResumed;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.ContactTransferred;
import dev.hotline.shared.DomainException;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;

/**
 * Hold, resume and blind transfer of a connected call, as bridge moves. Hold: one {@code Redirect} takes the caller
 * out of the agent's bridge into the music-on-hold context and (ExtraChannel) the agent's leg into the same context's
 * {@code agent} extension, where it waits in silence; resume: {@code Bridge} puts the two together again. Transfer:
 * the caller goes to the transfer context (music while the next agent is found) and the old agent's leg is hung up
 * (Asterisk already does so when the leg was still in the caller's Dial; then the Hangup finds no channel, which is
 * fine). A hold the PBX refuses is undone in routing, so the console does not show a call on hold that is not.
 */
class HoldAndTransfer {

    static final String AGENT_EXTEN = "agent";

    private static final Logger log = LoggerFactory.getLogger(HoldAndTransfer.class);

    private final AmiConnection ami;
    private final CallFinder finder;
    private final ContactRouting routing;
    private final AsteriskProperties properties;
    /** Holds the PBX refused: the resume that undoes them in routing has nothing to bridge (they never left it). */
    private final java.util.Set<dev.hotline.shared.ContactId> refused = java.util.concurrent.ConcurrentHashMap.newKeySet();

    HoldAndTransfer(AmiConnection ami, CallFinder finder, ContactRouting routing, AsteriskProperties properties) {
        this.ami = ami;
        this.finder = finder;
        this.routing = routing;
        this.properties = properties;
    }

    @EventListener
    void on(ContactHeld held) {
        if (!HotlineAgiScript.PROVIDER.equals(held.provider())) {
            return;
        }
        ami.submit(() -> finder.find(held.contactId()).ifPresent(call -> {
            var redirect = new RedirectAction(call.callerChannel(), properties.holdContext(), CallConnector.ENTRY_EXTEN, 1);
            if (call.agentLegChannel() != null) {
                redirect.setExtraChannel(call.agentLegChannel());
                redirect.setExtraContext(properties.holdContext());
                redirect.setExtraExten(AGENT_EXTEN);
                redirect.setExtraPriority(1);
            }
            try {
                ami.send(redirect);
                log.debug("Contact {} on hold ({} and {})", call.contact(), call.callerChannel(), call.agentLegChannel());
            } catch (AmiConnection.AmiFailure e) {
                log.warn("Contact {} could not be put on hold: {}; taken off hold again", call.contact(), e.getMessage());
                undo(held);
            }
        }));
    }

    @EventListener
    void on(ContactResumed resumed) {
        if (!HotlineAgiScript.PROVIDER.equals(resumed.provider())) {
            return;
        }
        if (refused.remove(resumed.contactId())) {
            return;
        }
        ami.submit(() -> finder.find(resumed.contactId()).ifPresent(call -> {
            if (call.agentLegChannel() == null) {
                log.warn("Contact {} resumed but its agent leg is not known on the PBX; the caller stays on hold",
                        call.contact());
                return;
            }
            try {
                ami.send(new BridgeAction(call.callerChannel(), call.agentLegChannel()));
            } catch (AmiConnection.AmiFailure e) {
                log.warn("Contact {} could not be bridged back to {}: {}", call.contact(), call.agentLegChannel(),
                        e.getMessage());
            }
        }));
    }

    @EventListener
    void on(ContactTransferred transferred) {
        if (!transferred.handedOn() || !HotlineAgiScript.PROVIDER.equals(transferred.provider())) {
            return;
        }
        ami.submit(() -> finder.find(transferred.contactId()).ifPresent(call -> {
            String oldLeg = call.agentLegChannel();
            call.handedOn();
            try {
                ami.send(new RedirectAction(call.callerChannel(), properties.transferContext(),
                        CallConnector.ENTRY_EXTEN, 1));
                log.debug("Contact {} handed on by {}: {} waits for {}", call.contact(), transferred.fromAgent(),
                        call.callerChannel(), transferred.toAgent() != null ? transferred.toAgent() : transferred.toQueue());
            } catch (AmiConnection.AmiFailure e) {
                // the caller is gone (its Hangup ends the contact) or the PBX refused: nothing else to move
                log.warn("Contact {} could not be moved for its transfer: {}", call.contact(), e.getMessage());
            }
            if (oldLeg != null) {
                try {
                    ami.send(new HangupAction(oldLeg));
                } catch (AmiConnection.AmiFailure gone) {
                    log.debug("Agent leg {} of contact {} already gone: {}", oldLeg, call.contact(), gone.getMessage());
                }
            }
        }));
    }

    private void undo(ContactHeld held) {
        refused.add(held.contactId());
        try {
            routing.hold(held.contactId(), held.agent(), false);
        } catch (DomainException e) {
            refused.remove(held.contactId());
            log.debug("Contact {} not taken off hold: {}", held.contactId(), e.getMessage());
        }
    }
}
