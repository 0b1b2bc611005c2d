package dev.hotline.routing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.contact.ContactStatus;
import dev.hotline.contact.NewContact;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.DeferredArrivals;
import dev.hotline.shared.Channel;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import dev.hotline.shared.Outages;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/**
 * The API entry point for contacts (integrations, the load generator, agents logging letters and visits) and the
 * contact log for supervisors.
 */
@Tag(name = "Contacts", description = "Every contact (call, message thread) and its history")
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private static final EnumSet<Channel> LOGGED_BY_AGENTS = EnumSet.of(Channel.LETTER, Channel.VISIT, Channel.EMAIL);

    private final ContactIntake intake;
    private final ContactRouting routing;
    private final DeferredArrivals arrivals;

    ContactController(ContactIntake intake, ContactRouting routing, DeferredArrivals arrivals) {
        this.intake = intake;
        this.routing = routing;
        this.arrivals = arrivals;
    }

    record ContactRequest(@NotNull Channel channel,
                          @Size(max = 255) String from,
                          @Size(max = 255) String to,
                          @Size(max = 64) String queue,
                          @Size(max = 500) String subject,
                          @Size(max = 128) String externalId,
                          @PastOrPresent Instant arrivedAt) {
    }

    record ContactDetail(ContactSnapshot contact, List<ContactHistoryView> history) {
    }

    /**
     * 202 while the database is out: the arrival is kept and will be recorded (with {@code arrivedAt}) and queued when
     * it is back. Send the same request again after {@code Retry-After}: the same externalId gives the contact (200)
     * once recorded, never a second one.
     */
    record ArrivalKept(String externalId, Instant arrivedAt, String detail) {
    }

    /**
     * 201 for a new contact; 200 with the stored one when the same externalId was already registered; 202
     * ({@link ArrivalKept}) when the database is out and the arrival (with an externalId) was kept to be recorded when
     * it is back.
     */
    @Operation(summary = "A contact arrives through the API entry point (queued; logged by an agent: theirs)")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "202", description = "The database is out: kept, recorded and queued when it is back; "
            + "send the same request (same externalId) again after Retry-After to get the contact")
    @PostMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
    ResponseEntity<?> register(@Valid @RequestBody ContactRequest body, Authentication auth) {
        if (!isSupervisorOrAdmin(auth) && !LOGGED_BY_AGENTS.contains(body.channel())) {
            throw new NotPermittedException("Agents log letters, visits and e-mails; calls and messages come from telephony");
        }
        var arrival = new NewContact(body.channel(), "api", body.externalId(), body.from(), body.to(), body.queue(),
                body.arrivedAt(), body.subject());
        // an agent logging a letter or visit already has it in hand: theirs at once, not offered to whoever is free;
        // a caller waiting on the line cannot wait for the database to return, so such an arrival may be kept
        boolean keepable = isSupervisorOrAdmin(auth) && body.externalId() != null;
        try {
            if (body.externalId() != null) {
                var existing = intake.findByExternalId("api", body.externalId());
                if (existing.isPresent()) {
                    return ResponseEntity.ok(existing.get());
                }
            }
            var contact = isSupervisorOrAdmin(auth) ? routing.arrive(arrival) : routing.takeIn(arrival, auth.getName());
            return ResponseEntity.status(HttpStatus.CREATED).body(contact);
        } catch (RuntimeException e) {
            if (!keepable || !Outages.isOutage(e)) {
                throw e;
            }
            Instant arrivedAt = arrivals.defer(arrival, e);
            return ResponseEntity.accepted().header("Retry-After", Integer.toString(Outages.RETRY_AFTER_SECONDS))
                    .body(new ArrivalKept(body.externalId(), arrivedAt, "The database is out: the arrival is "
                            + "kept and will be recorded and queued when it is back; send it again to get the contact"));
        }
    }

    /**
     * The caller hung up, the call named by the integrator's externalId: also for an arrival that was kept (202)
     * while the database was out, or while the database is out now (then kept, and applied once it is back).
     */
    @Operation(summary = "The caller hangs up, named by the arrival's externalId (API entry point)")
    @ApiResponse(responseCode = "202", description = "Applied, or kept until the database is back")
    @ApiResponse(responseCode = "404", description = "No contact of the API entry point has this externalId")
    @PostMapping("/external/{externalId}/hangup")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<Void> hangupByExternalId(@PathVariable @Size(max = 128) String externalId) {
        ContactId contact = arrivals.recordedOrKeepHangUp("api", externalId, Instant.now());
        if (contact != null) {
            routing.callerHungUp(contact, null);
        }
        return ResponseEntity.accepted().build();
    }

    /**
     * The caller hung up: abandoned while waiting, ended when connected. 202: routing applied it; the record (GET)
     * shows it within about a second.
     */
    @Operation(summary = "The caller hangs up (API entry point)")
    @PostMapping("/{id}/hangup")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    ResponseEntity<Void> hangup(@PathVariable String id) {
        var contactId = ContactId.of(id);
        if (intake.find(contactId).isEmpty()) {
            throw new NotFoundException("Contact", id);
        }
        routing.callerHungUp(contactId, null);
        return ResponseEntity.accepted().build();
    }

    @Operation(summary = "A contact with its history")
    @GetMapping("/{id}")
    ContactDetail get(@PathVariable String id, Authentication auth) {
        var contactId = ContactId.of(id);
        var contact = intake.find(contactId).orElseThrow(() -> new NotFoundException("Contact", id));
        if (!isSupervisorOrAdmin(auth) && !auth.getName().equals(contact.agent())) {
            throw new NotPermittedException("Agents see only their own contacts");
        }
        return new ContactDetail(contact, intake.history(contactId));
    }

    @Operation(summary = "List contacts")
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    PagedModel<ContactSnapshot> search(@RequestParam(required = false) ContactStatus status,
                                       @RequestParam(required = false) String queue,
                                       @RequestParam(required = false) Channel channel,
                                       @RequestParam(required = false) Long customerId,
                                       @RequestParam(required = false) String agent,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "50") int size) {
        var pageable = dev.hotline.shared.Pages.of(page, size, 200);
        return new PagedModel<>(intake.search(status, queue, channel, customerId, agent, pageable));
    }

    private static boolean isSupervisorOrAdmin(Authentication auth) {
        return auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_SUPERVISOR"));
    }
}
