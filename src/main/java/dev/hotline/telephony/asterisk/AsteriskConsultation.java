package dev.hotline.telephony.asterisk;

import dev.hotline.routing.CallConsultation;
import dev.hotline.routing.ContactConsultation;
import dev.hotline.shared.ContactId;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.BridgeAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Consultative transfer as channel moves, with the caller on hold in {@code [hotline-hold]} and the agent's leg
 * waiting in silence there. When the target accepts, an AMI {@code Originate} (Async) rings the target's phone into
 * {@code [hotline-consult]}, which runs {@code Bridge(${HOTLINE_CONSULT_WITH},F(hotline-hold^agent^1))}: the two
 * agents talk, and when the target's leg goes (returned, hung up) the agent's leg goes back to waiting in the hold
 * context instead of hanging up. Complete: {@code Bridge} of the caller with the target's leg (moved out of the
 * consult bridge) and {@code Hangup} of the first agent's leg. Return: {@code Hangup} of the target's leg, then the
 * usual resume {@code Bridge} ({@link HoldAndTransfer}, on the ContactResumed that follows). The target's leg carries
 * {@code HOTLINE_CONSULT_ID} and {@code HOTLINE_CONSULT_AGENT} (manager.conf channelvars): its Hangup during the
 * consult is the target hanging up, heard by every node.
 */
class AsteriskConsultation implements ManagerEventListener, DisposableBean {

    static final String CONSULT_VARIABLE = "HOTLINE_CONSULT_ID";
    static final String TARGET_VARIABLE = "HOTLINE_CONSULT_AGENT";
    static final String WITH_VARIABLE = "HOTLINE_CONSULT_WITH";
    /** Margin over the target's ring time for the OriginateResponse to arrive. */
    private static final Duration RESPONSE_MARGIN = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AsteriskConsultation.class);

    private final AmiConnection ami;
    private final CallFinder finder;
    private final CallConsultation consultation;
    private final AsteriskProperties asterisk;
    private final AsteriskConsultProperties properties;
    /** The target's answered leg, and the first agent's leg it is bridged with, per contact (this node's consults). */
    private final Map<ContactId, Legs> legs = new ConcurrentHashMap<>();
    private final ExecutorService originating = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "ami-consult");
        t.setDaemon(true);
        return t;
    });

    private record Legs(String target, String channel, String uniqueId, String agentLeg) {
    }

    AsteriskConsultation(AmiConnection ami, CallFinder finder, CallConsultation consultation,
                         AsteriskProperties asterisk, AsteriskConsultProperties properties) {
        this.ami = ami;
        this.finder = finder;
        this.consultation = consultation;
        this.asterisk = asterisk;
        this.properties = properties;
        ami.listen(this);
    }

    @EventListener
    void on(ContactConsultation e) {
        if (!HotlineAgiScript.PROVIDER.equals(e.provider()) && e.phase() != ContactConsultation.Phase.ENDED) {
            return;
        }
        switch (e.phase()) {
            case TALKING -> originating.execute(() -> ring(e));
            case COMPLETED -> ami.submit(() -> complete(e));
            case RETURNED, FAILED -> ami.submit(() -> part(e.contactId(), false));
            case ENDED -> ami.submit(() -> part(e.contactId(), true));
            default -> { }
        }
    }

    /** Rings the target's phone into the consult context and waits for it to answer. */
    private void ring(ContactConsultation e) {
        var id = e.contactId();
        var target = e.targetProfile();
        if (target == null || target.extension() == null || target.extension().isBlank()) {
            lost(id, "target-no-phone");
            return;
        }
        var call = finder.find(id);
        if (call.isEmpty() || call.get().agentLegChannel() == null) {
            lost(id, "agent-leg-unknown");   // nothing to bridge the target with
            return;
        }
        String agentLeg = call.get().agentLegChannel();
        var action = new OriginateAction();
        action.setChannel(asterisk.agentDial(target.extension()));
        action.setContext(properties.context());
        action.setExten("s");
        action.setPriority(1);
        action.setTimeout(properties.ring().toMillis());
        // the target's phone shows who consults on which contact
        action.setCallerId("\"Consult " + e.agent() + "\" <" + id.value() + ">");
        action.setAsync(true);
        action.setVariable(CONSULT_VARIABLE, Long.toString(id.value()));
        action.setVariable(TARGET_VARIABLE, e.target());
        action.setVariable(WITH_VARIABLE, agentLeg);
        try {
            var reply = ami.list(action, properties.ring().plus(RESPONSE_MARGIN));
            if (reply.getResponse() instanceof ManagerError error) {
                log.info("Consult on contact {} refused by the PBX: {}", id, error.getMessage());
                lost(id, "pbx-refused");
                return;
            }
            var response = reply.getEvents().stream().filter(OriginateResponseEvent.class::isInstance)
                    .map(OriginateResponseEvent.class::cast).findFirst();
            if (response.isEmpty()) {
                lost(id, "pbx-no-response");
            } else if (!"Success".equalsIgnoreCase(response.get().getResponse())) {
                lost(id, AsteriskOutboundCalls.agentLegFailure(response.get().getReason()).replace("agent-", "target-"));
            } else {
                answered(e, new Legs(e.target(), response.get().getChannel(), response.get().getUniqueId(), agentLeg));
            }
        } catch (AmiConnection.AmiFailure failure) {
            lost(id, "pbx-unavailable");
        }
    }

    /** The target's phone answered; if the consult ended meanwhile (returned, caller gone), that leg goes at once. */
    private void answered(ContactConsultation e, Legs answered) {
        legs.put(e.contactId(), answered);
        boolean still = consultation.current(e.contactId())
                .filter(c -> c.target().equals(e.target()) && "TALKING".equals(c.state())).isPresent();
        if (!still) {
            ami.submit(() -> part(e.contactId(), false));
        }
    }

    private void complete(ContactConsultation e) {
        Legs consult = legs.remove(e.contactId());
        var call = finder.find(e.contactId());
        if (consult == null || call.isEmpty()) {
            log.warn("Contact {} completed to {} but its consult leg is not known on this node", e.contactId(),
                    e.target());
            return;
        }
        try {
            ami.send(new BridgeAction(call.get().callerChannel(), consult.channel()));
        } catch (AmiConnection.AmiFailure failure) {
            log.warn("Contact {} could not be bridged to {}: {}", e.contactId(), consult.channel(), failure.getMessage());
        }
        // the first agent's leg goes; its Hangup is no "agent hung up first": the call is the target's now
        call.get().consultCompleted(e.target(), consult.uniqueId(), consult.channel());
        hangUp(consult.agentLeg());
    }

    /** The consult is over without a transfer: the target's leg goes (and, the caller gone, the agent's leg too). */
    private void part(ContactId id, boolean callerGone) {
        Legs consult = legs.remove(id);
        if (consult == null) {
            return;
        }
        hangUp(consult.channel());
        if (callerGone) {
            hangUp(consult.agentLeg());
        }
    }

    private void hangUp(String channel) {
        try {
            ami.send(new HangupAction(channel));
        } catch (AmiConnection.AmiFailure gone) {
            log.debug("Consult channel {} already gone: {}", channel, gone.getMessage());
        }
    }

    private void lost(ContactId id, String reason) {
        log.info("Consult on contact {} ended: {}", id, reason);
        consultation.targetLost(id, reason);
    }

    /** The target's leg hung up while the consult ran: back to the first agent, the caller still on hold. */
    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (!(event instanceof HangupEvent hangup) || hangup.getChannelVariables() == null) {
            return;
        }
        String contact = hangup.getChannelVariables().get(CONSULT_VARIABLE);
        String target = hangup.getChannelVariables().get(TARGET_VARIABLE);
        if (contact == null || !contact.strip().matches("\\d{1,18}") || target == null) {
            return;
        }
        var id = new ContactId(Long.parseLong(contact.strip()));
        // on asterisk-java's event thread: routing's answer is quick, and no AMI action is sent from here
        originating.execute(() -> {
            if (consultation.current(id).filter(c -> c.target().equals(target.strip())).isPresent()) {
                legs.remove(id);
                lost(id, "target-hung-up");
            }
        });
    }

    @Override
    public void destroy() {
        originating.shutdownNow();
    }
}
