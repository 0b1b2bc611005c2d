package dev.hotline.telephony.asterisk;

import dev.hotline.contact.ContactDirection;
import dev.hotline.contact.NewContact;
import dev.hotline.followup.OutboundCalls;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.DomainException;
import dev.hotline.shared.ServiceUnavailableException;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Click-to-call through Asterisk: an AMI {@code Originate} (Async) rings the agent's phone; answered, the channel
 * enters {@code [hotline-outbound]} (config/asterisk/extensions.conf), which dials the customer. The channel carries
 * {@code HOTLINE_OUTBOUND_ID} (manager.conf channelvars), by which its DialEnd and Hangup events are recognised:
 * DialEnd ANSWER is the answer, any other dial status a customer not reached, Hangup the end. The OriginateResponse
 * event says whether the agent's phone answered (Reason 4) or not (5 busy, 3/1 no answer, 0/8 not reachable).
 * The Originate waits on its own threads, never on the AMI action thread that connects inbound callers.
 */
class AsteriskOutboundCalls implements OutboundCalls, ManagerEventListener, DisposableBean {

    static final String PROVIDER = HotlineAgiScript.PROVIDER;
    static final String OUTBOUND_VARIABLE = "HOTLINE_OUTBOUND_ID";
    static final String AGENT_VARIABLE = "HOTLINE_OUTBOUND_AGENT";
    static final String CUSTOMER_RING_VARIABLE = "HOTLINE_CUSTOMER_RING";
    /** Margin over the agent's ring time for the OriginateResponse to arrive. */
    private static final Duration RESPONSE_MARGIN = Duration.ofSeconds(10);
    private static final Set<String> NOT_REACHED = Set.of("NOANSWER", "BUSY", "CONGESTION", "CHANUNAVAIL", "CANCEL",
            "DONTCALL", "TORTURE", "INVALIDARGS");

    private static final Logger log = LoggerFactory.getLogger(AsteriskOutboundCalls.class);

    private final AmiConnection ami;
    private final ContactRouting routing;
    private final RoutingAdministration agents;
    private final AsteriskProperties asterisk;
    private final AsteriskOutboundProperties properties;
    /** Contacts whose agent leg answered (OriginateResponse Success): a later hang-up is the agent's, not a busy phone. */
    private final Set<Long> agentAnswered = ConcurrentHashMap.newKeySet();
    private final ExecutorService originating = Executors.newCachedThreadPool(r -> {
        var t = new Thread(r, "ami-originate");
        t.setDaemon(true);
        return t;
    });

    AsteriskOutboundCalls(AmiConnection ami, ContactRouting routing, RoutingAdministration agents,
                          AsteriskProperties asterisk, AsteriskOutboundProperties properties) {
        this.ami = ami;
        this.routing = routing;
        this.agents = agents;
        this.asterisk = asterisk;
        this.properties = properties;
        ami.listen(this);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public PlacedCall place(String agent, String number, String purpose) {
        String extension = reachableExtension(agent);
        var contact = routing.dialOut(new NewContact(Channel.VOICE, PROVIDER, "out-" + UUID.randomUUID(),
                extension, number, properties.queue(), null, purpose, ContactDirection.OUTBOUND), agent);
        originateFor(contact.id(), agent, extension, number);
        return new PlacedCall(contact.id().value(), PROVIDER, number);
    }

    @Override
    public void ring(ContactId contact, String agent, String number) {
        String extension;
        try {
            extension = reachableExtension(agent);
        } catch (ServiceUnavailableException | ConflictException e) {
            failed(contact, agent, e instanceof ConflictException ? "agent-no-phone" : "pbx-unavailable", e.getMessage());
            throw e;
        }
        originateFor(contact, agent, extension, number);
    }

    private String reachableExtension(String agent) {
        if (!ami.state().up()) {
            throw new ServiceUnavailableException("telephony-unavailable", "The PBX is not reachable ("
                    + ami.state().detail() + "): no call was placed");
        }
        AgentProfile profile = agents.agent(agent);
        if (profile.extension() == null || profile.extension().isBlank()) {
            throw new ConflictException("agent-no-phone", "Agent " + agent + " has no extension to ring");
        }
        return profile.extension();
    }

    private void originateFor(ContactId contact, String agent, String extension, String number) {
        var originate = originate(contact, agent, asterisk.agentDial(extension), dialable(number));
        originating.execute(() -> ringAgent(contact, agent, originate));
    }

    private OriginateAction originate(ContactId contact, String agent, String agentDial, String customer) {
        var action = new OriginateAction();
        action.setChannel(agentDial);
        action.setContext(properties.context());
        action.setExten(customer);
        action.setPriority(1);
        action.setTimeout(properties.agentRing().toMillis());
        action.setCallerId("\"Hotline\" <" + customer + ">");   // the agent's phone shows whom it is about to call
        action.setAsync(true);
        action.setVariable(OUTBOUND_VARIABLE, contact.toString());
        action.setVariable(AGENT_VARIABLE, agent);
        action.setVariable(CUSTOMER_RING_VARIABLE, Long.toString(properties.customerRing().toSeconds()));
        return action;
    }

    /** Waits for the OriginateResponse: the agent's phone answered, or why not. */
    private void ringAgent(ContactId contact, String agent, OriginateAction action) {
        try {
            var reply = ami.list(action, properties.agentRing().plus(RESPONSE_MARGIN));
            if (reply.getResponse() instanceof ManagerError error) {
                failed(contact, agent, "pbx-refused", error.getMessage());
                return;
            }
            var response = reply.getEvents().stream().filter(OriginateResponseEvent.class::isInstance)
                    .map(OriginateResponseEvent.class::cast).findFirst();
            if (response.isEmpty()) {
                failed(contact, agent, "pbx-no-response", "no OriginateResponse");
            } else if ("Success".equalsIgnoreCase(response.get().getResponse())) {
                agentAnswered.add(contact.value());
                log.info("Outbound contact {}: agent {} answered, dialling the customer", contact, agent);
            } else {
                failed(contact, agent, agentLegFailure(response.get().getReason()), "Reason " + response.get().getReason());
            }
        } catch (AmiConnection.AmiFailure e) {
            failed(contact, agent, "pbx-unavailable", e.getMessage());
        }
    }

    /** Asterisk's Originate reason: the last control frame of the agent's channel. */
    static String agentLegFailure(Integer reason) {
        if (reason == null) {
            return "agent-phone-unavailable";
        }
        return switch (reason) {
            case 5 -> "agent-phone-busy";
            case 1, 3 -> "agent-no-answer";
            default -> "agent-phone-unavailable";   // 0 no such channel, 8 congestion
        };
    }

    private void failed(ContactId contact, String agent, String reason, String detail) {
        log.info("Outbound contact {} of {} not connected: {} ({})", contact, agent, reason, detail);
        try {
            routing.dialFailed(contact, agent, reason);
        } catch (DomainException | IllegalStateException e) {
            log.warn("Outbound contact {} could not be ended after {}: {}", contact, reason, e.getMessage());
        }
        agentAnswered.remove(contact.value());
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        try {
            if (event instanceof DialEndEvent e) {
                outboundOf(e.getChannelVariables()).ifPresent(c -> dialEnded(c, e));
            } else if (event instanceof HangupEvent e) {
                outboundOf(e.getChannelVariables()).ifPresent(c -> hungUp(c, e));
            }
        } catch (RuntimeException e) {
            log.error("Could not handle {} of an outbound call", event.getClass().getSimpleName(), e);
        }
    }

    private record Outbound(ContactId contact, String agent) {
    }

    private static java.util.Optional<Outbound> outboundOf(Map<String, String> variables) {
        if (variables == null) {
            return java.util.Optional.empty();
        }
        String id = variables.get(OUTBOUND_VARIABLE);
        String agent = variables.get(AGENT_VARIABLE);
        if (id == null || agent == null || !id.strip().matches("\\d{1,18}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Outbound(new ContactId(Long.parseLong(id.strip())), agent.strip()));
    }

    private void dialEnded(Outbound call, DialEndEvent e) {
        String status = e.getDialStatus() == null ? "" : e.getDialStatus().toUpperCase(Locale.ROOT);
        if (status.equals("ANSWER")) {
            try {
                routing.answered(call.contact(), call.agent(), PbxEvents.timeOf(e));
            } catch (DomainException gone) {
                log.info("Outbound contact {} answered after it ended: {}", call.contact(), gone.getMessage());
            }
        } else if (NOT_REACHED.contains(status)) {
            failed(call.contact(), call.agent(), status.equals("CANCEL") ? "agent-hung-up"
                    : "customer-" + status.toLowerCase(Locale.ROOT).replace("noanswer", "no-answer"), "DialEnd " + status);
        }
    }

    /** The agent's channel ended: after an answer the conversation is over; before it, the call never connected. */
    private void hungUp(Outbound call, HangupEvent e) {
        boolean answeredAgentLeg = agentAnswered.remove(call.contact().value());
        String reason = answeredAgentLeg ? "agent-hung-up" : hangupCause(e.getCause());
        if (!routing.dialFailed(call.contact(), call.agent(), reason)) {
            routing.callerHungUp(call.contact(), PbxEvents.timeOf(e));
        }
    }

    /** Q.850 cause of an agent phone that never answered. */
    private static String hangupCause(Integer cause) {
        if (cause == null) {
            return "agent-phone-unavailable";
        }
        return switch (cause) {
            case 17 -> "agent-phone-busy";
            case 18, 19, 21 -> "agent-no-answer";
            default -> "agent-phone-unavailable";
        };
    }

    /** What the dialplan's Dial gets as EXTEN: digits and a leading +. */
    static String dialable(String number) {
        String digits = number == null ? "" : number.replaceAll("[^+0-9]", "");
        if (!digits.matches("\\+?[0-9]{3,20}")) {
            throw new dev.hotline.shared.InvalidInputException("number", "Not a dialable number: " + number);
        }
        return digits;
    }

    @Override
    public void destroy() {
        originating.shutdownNow();
    }
}
