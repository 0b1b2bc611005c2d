package dev.hotline.telephony.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.type.Client;
import com.twilio.type.Endpoint;
import com.twilio.type.PhoneNumber;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Click-to-call through Twilio: REST {@code Calls} create rings the agent (their phone, or their browser softphone as
 * {@code client:identity}) with TwiML that, once the agent answers, dials the customer ({@code <Dial><Number>}). The
 * agent leg's status callback tells an agent phone that is busy or unanswered; the customer leg's {@code answered}
 * callback is the answer; the {@code <Dial>} action tells a customer not reached; the agent leg's {@code completed}
 * ends the call. Callbacks carry contact and agent in their (signed) URL.
 */
class TwilioOutboundCalls implements OutboundCalls {

    static final String PROVIDER = VoiceCalls.PROVIDER;
    static final String AGENT_LEG = "/twilio/voice/outbound/agent";
    static final String CUSTOMER_LEG = "/twilio/voice/outbound/customer";
    static final String DIAL_OVER = "/twilio/voice/outbound/dial";
    private static final Set<String> AGENT_LEG_FAILED = Set.of("busy", "no-answer", "failed", "canceled");

    private static final Logger log = LoggerFactory.getLogger(TwilioOutboundCalls.class);

    private final TwilioApi api;
    private final ContactRouting routing;
    private final RoutingAdministration agents;
    private final TwilioProperties twilio;
    private final TwilioOutboundProperties properties;

    TwilioOutboundCalls(TwilioApi api, ContactRouting routing, RoutingAdministration agents, TwilioProperties twilio,
                        TwilioOutboundProperties properties) {
        this.api = api;
        this.routing = routing;
        this.agents = agents;
        this.twilio = twilio;
        this.properties = properties;
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public PlacedCall place(String agent, String number, String purpose) {
        Endpoint agentPhone = agentEndpoint(agents.agent(agent));
        String from = callerId();
        var contact = routing.dialOut(new NewContact(Channel.VOICE, PROVIDER, "out-" + UUID.randomUUID(), from, number,
                properties.queue(), null, purpose, ContactDirection.OUTBOUND), agent);
        call(contact.id(), agent, agentPhone, from, number);
        return new PlacedCall(contact.id().value(), PROVIDER, number);
    }

    @Override
    public void ring(ContactId contact, String agent, String number) {
        Endpoint agentPhone;
        String from;
        try {
            agentPhone = agentEndpoint(agents.agent(agent));
            from = callerId();
        } catch (ConflictException | ServiceUnavailableException e) {
            routing.dialFailed(contact, agent, "agent-no-phone");
            throw e;
        }
        call(contact, agent, agentPhone, from, number);
    }

    private void call(ContactId contact, String agent, Endpoint agentPhone, String from, String number) {
        String query = "?contact=" + contact + "&agent=" + UriUtils.encodeQueryParam(agent, StandardCharsets.UTF_8);
        try {
            String sid = api.call(agentPhone, new PhoneNumber(from), dialCustomer(number, from, query),
                    twilio.url(AGENT_LEG + query), (int) properties.agentRing().toSeconds());
            log.info("Outbound contact {}: ringing {} (call {}), then {}", contact, agent, sid, number);
        } catch (ApiConnectionException | ApiException e) {
            routing.dialFailed(contact, agent, "provider-unavailable");
            throw new ServiceUnavailableException("telephony-unavailable", "Twilio did not place the call ("
                    + e.getMessage() + "); the agent is free again");
        }
    }

    /** What the agent's answered leg does: dial the customer, report the answer, then tell us how the dial ended. */
    VoiceResponse dialCustomer(String number, String callerId, String query) {
        var customer = new Number.Builder(number).statusCallback(twilio.url(CUSTOMER_LEG + query))
                .statusCallbackEvents(List.of(Number.Event.ANSWERED)).build();
        return new VoiceResponse.Builder().dial(new Dial.Builder().callerId(callerId)
                .timeout((int) properties.customerRing().toSeconds()).action(twilio.url(DIAL_OVER + query))
                .number(customer).build()).build();
    }

    /** The agent leg's status callback: a phone that never answered ends the call; completed ends it after talking. */
    void agentLeg(ContactId contact, String agent, String status, java.time.Instant at) {
        if (AGENT_LEG_FAILED.contains(status)) {
            routing.dialFailed(contact, agent, switch (status) {
                case "busy" -> "agent-phone-busy";
                case "no-answer" -> "agent-no-answer";
                default -> "agent-phone-unavailable";
            });
        } else if ("completed".equals(status) && !routing.dialFailed(contact, agent, "agent-hung-up")) {
            routing.callerHungUp(contact, at);
        }
    }

    /** The customer picked up. */
    void customerAnswered(ContactId contact, String agent, java.time.Instant at) {
        try {
            routing.answered(contact, agent, at);
        } catch (DomainException gone) {
            log.info("Outbound contact {} answered after it ended: {}", contact, gone.getMessage());
        }
    }

    /** The {@code <Dial>} to the customer is over; anything but a conversation is a customer not reached. */
    void dialOver(ContactId contact, String agent, String dialStatus) {
        if (dialStatus != null && !"completed".equals(dialStatus) && !"answered".equals(dialStatus)) {
            routing.dialFailed(contact, agent, "customer-" + dialStatus);
        }
    }

    private static Endpoint agentEndpoint(AgentProfile profile) {
        if (profile.clientIdentity() != null && !profile.clientIdentity().isBlank()) {
            return new Client("client:" + profile.clientIdentity());
        }
        if (profile.phone() != null && !profile.phone().isBlank()) {
            return new PhoneNumber(profile.phone());
        }
        throw new ConflictException("agent-no-phone", "Agent " + profile.username()
                + " has neither a Twilio client identity nor a phone to ring");
    }

    private String callerId() {
        if (!properties.callerId().isBlank()) {
            return properties.callerId().strip();
        }
        return twilio.numbers().keySet().stream().sorted().findFirst().orElseThrow(() -> new ServiceUnavailableException(
                "telephony-unavailable", "No caller id for outbound calls: set hotline.twilio.outbound.caller-id"));
    }
}
