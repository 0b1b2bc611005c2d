package dev.hotline.telephony.supervision;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.DomainException;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lets a supervisor listen to, whisper to or barge into a connected call through the adapter of the call's provider.
 * Who may do it is the controller's rule (SUPERVISOR, ADMIN); this class checks the call can be joined, writes the
 * audit row first and only then asks the adapter, so every attempt is on record.
 */
@Service
public class Supervision {

    /** What may be dialled as a supervisor's phone: an extension, a number, a client identity; no dial options. */
    private static final String PHONE = "[A-Za-z0-9+@._:/-]{1,60}";

    private final ContactIntake contacts;
    private final RoutingAdministration agents;
    private final SupervisionLog log;
    private final Map<String, CallSupervisor> adapters;
    private final SupervisionProperties properties;

    Supervision(ContactIntake contacts, RoutingAdministration agents, SupervisionLog log, List<CallSupervisor> adapters,
                SupervisionProperties properties) {
        this.contacts = contacts;
        this.agents = agents;
        this.log = log;
        this.adapters = adapters.stream().collect(Collectors.toMap(CallSupervisor::provider, Function.identity(),
                (first, second) -> first));
        this.properties = properties;
    }

    /** A connected call a supervisor may join, with the sessions open on it. */
    public record LiveCall(long contactId, String provider, String agent, String from, String queue,
                           Instant answeredAt, List<SupervisionLog.Entry> sessions) {
    }

    /** Starts a session; returns its audit row (RINGING, or FAILED when the adapter refused at once). */
    public SupervisionLog.Entry join(String supervisor, ContactId contactId, SupervisionMode mode, String phone) {
        if (mode == null) {
            throw new InvalidInputException("mode", "One of LISTEN, WHISPER, BARGE");
        }
        ContactSnapshot contact = contacts.find(contactId)
                .orElseThrow(() -> new NotFoundException("Contact", contactId.toString()));
        if (!contact.channel().isVoice() || contact.status() != ContactStatus.CONNECTED || contact.agent() == null) {
            throw new ConflictException("call-not-live", "Contact " + contactId + " is not a connected call");
        }
        CallSupervisor adapter = adapters.get(contact.provider());
        if (adapter == null) {
            throw new ConflictException("supervision-unavailable", "No telephony adapter can join "
                    + contact.provider() + " calls");
        }
        String supervisorPhone = phoneOf(supervisor, phone);
        AgentProfile agent = agents.agent(contact.agent());
        long session = log.opened(contactId.value(), contact.agent(), supervisor, mode, contact.provider(),
                supervisorPhone);
        try {
            adapter.join(new CallSupervisor.Join(session, contactId.value(), contact.externalId(), contact.to(),
                    agent, supervisorPhone, mode));
        } catch (DomainException refused) {
            log.failed(session, refused.code(), Instant.now());
            throw refused;
        }
        return log.find(session).orElseThrow();
    }

    /** The phone given with the request, else the one on the supervisor's own routing profile. */
    private String phoneOf(String supervisor, String given) {
        String phone = given != null && !given.isBlank() ? given.strip() : profilePhone(supervisor).orElseThrow(() ->
                new ConflictException("supervisor-no-phone", "Supervisor " + supervisor
                        + " has no extension or phone on record: give the phone to ring"));
        if (!phone.matches(PHONE)) {
            throw new InvalidInputException("phone", "Not a phone, extension or client identity: " + phone);
        }
        return phone;
    }

    private Optional<String> profilePhone(String supervisor) {
        try {
            AgentProfile profile = agents.agent(supervisor);
            return java.util.stream.Stream.of(profile.extension(), profile.phone(),
                            profile.clientIdentity() == null ? null : "client:" + profile.clientIdentity())
                    .filter(p -> p != null && !p.isBlank()).findFirst();
        } catch (NotFoundException notAnAgent) {
            return Optional.empty();
        }
    }

    /** Connected calls of the providers that can be joined, with their open sessions. */
    public List<LiveCall> liveCalls() {
        Map<Long, List<SupervisionLog.Entry>> open = log.open().stream()
                .collect(Collectors.groupingBy(SupervisionLog.Entry::contactId));
        return contacts.search(ContactStatus.CONNECTED, null, null, null, null,
                        PageRequest.of(0, properties.liveCallsShown())).stream()
                .filter(c -> c.channel().isVoice() && c.agent() != null && adapters.containsKey(c.provider()))
                .map(c -> new LiveCall(c.id().value(), c.provider(), c.agent(), c.from(), c.queue(), c.answeredAt(),
                        open.getOrDefault(c.id().value(), List.of())))
                .toList();
    }

    public List<SupervisionLog.Entry> recent(Long contactId) {
        return log.recent(contactId, properties.logShown());
    }
}
