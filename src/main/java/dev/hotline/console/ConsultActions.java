package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.CallConsultation;
import dev.hotline.routing.ContactConsultation;
import dev.hotline.routing.ContactConsultation.Phase;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;

import java.security.Principal;
import java.time.Instant;

/**
 * Consultative transfer from the agent console. The consulting agent starts it on its own connected call (target
 * picked like a blind transfer's), then completes or returns; the target's console rings with a {@code consult-offer}
 * (the caller's screen pop) that it accepts or declines like an offer. Every step comes back to both agents as a
 * {@code consult} push; on completion the call joins the target's active contacts ({@code contact-assigned}).
 */
@Controller
@MessageMapping("/agent")
class ConsultActions {

    private final CallConsultation consultation;
    private final ConsoleRelay relay;
    private final PushLanes lanes;
    private final ScreenPops screenPops;
    private final ContactIntake contacts;

    ConsultActions(CallConsultation consultation, ConsoleRelay relay, PushLanes lanes, ScreenPops screenPops,
                   ContactIntake contacts) {
        this.consultation = consultation;
        this.relay = relay;
        this.lanes = lanes;
        this.screenPops = screenPops;
        this.contacts = contacts;
    }

    /** A queue (its first free agent is rung) or an agent's username: one of the two. */
    record ConsultRequest(String queue, String agent) {
    }

    /** A step of the consult, for both agents ({@code reason} for FAILED). */
    record ConsultChanged(String type, long contactId, Phase phase, String agent, String target, String reason,
                          Instant at) {
    }

    /** The target's console rings: who consults, on which call, the caller's screen pop. */
    record ConsultOffer(String type, long contactId, String queue, String from, Instant offeredAt,
                        Instant ringDeadline, long remainingMillis, ScreenPop screenPop) {
    }

    @MessageMapping("/contacts/{contactId}/consult")
    void consult(@DestinationVariable String contactId, @Payload(required = false) ConsultRequest request,
                 Principal agent) {
        String queue = request == null ? null : blankToNull(AgentActions.limited("queue", request.queue()));
        String to = request == null ? null : blankToNull(AgentActions.limited("agent", request.agent()));
        if ((queue == null) == (to == null)) {
            throw new InvalidInputException("target", "Consult a queue or an agent (one of the two)");
        }
        consultation.consult(ContactId.of(contactId), agent.getName(), queue, to);
    }

    @MessageMapping("/contacts/{contactId}/consult/complete")
    void complete(@DestinationVariable String contactId, Principal agent) {
        consultation.complete(ContactId.of(contactId), agent.getName());
    }

    @MessageMapping("/contacts/{contactId}/consult/return")
    void giveBack(@DestinationVariable String contactId, Principal agent) {
        consultation.returnToCaller(ContactId.of(contactId), agent.getName());
    }

    @MessageMapping("/consults/{contactId}/accept")
    void accept(@DestinationVariable String contactId, Principal agent) {
        consultation.accept(ContactId.of(contactId), agent.getName());
    }

    @MessageMapping("/consults/{contactId}/decline")
    void decline(@DestinationVariable String contactId, Principal agent) {
        consultation.decline(ContactId.of(contactId), agent.getName());
    }

    @EventListener
    void on(ContactConsultation e) {
        var changed = new ConsultChanged("consult", e.contactId().value(), e.phase(), e.agent(), e.target(),
                e.reason(), e.at());
        lanes.run(e.agent(), () -> relay.toAgent(e.agent(), Destinations.CONTACTS, changed));
        lanes.run(e.target(), () -> {
            if (e.phase() == Phase.RINGING) {
                var pop = screenPops.of(e.contactId());
                long remaining = Math.max(0, java.time.Duration.between(Instant.now(), e.ringDeadline()).toMillis());
                relay.toAgent(e.target(), Destinations.OFFERS, new ConsultOffer("consult-offer",
                        e.contactId().value(), e.queue(), e.agent(), e.at(), e.ringDeadline(), remaining, pop));
            }
            relay.toAgent(e.target(), Destinations.CONTACTS, changed);
            if (e.phase() == Phase.COMPLETED) {
                var c = contacts.find(e.contactId());
                relay.toAgent(e.target(), Destinations.CONTACTS, new ConsoleMessages.ActiveContact("contact-assigned",
                        e.contactId().value(), e.queue(), e.channel(), c.map(x -> x.from()).orElse(null),
                        c.map(x -> x.customerId()).orElse(null), c.map(x -> x.answeredAt()).orElse(null)));
            }
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
