package dev.hotline.routing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.routing.ContactHandlers;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotPermittedException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where routing has a contact, and the major-complaint flag that puts it ahead of everyone waiting. */
@Tag(name = "Routing", description = "Queues, agents, states and offers of the ACD")
@RestController
class ContactPriorityController {

    private final ContactRouting routing;
    private final ContactHandlers handlers;

    ContactPriorityController(ContactRouting routing, ContactHandlers handlers) {
        this.routing = routing;
        this.handlers = handlers;
    }

    record Priority(@NotNull Boolean majorComplaint) {
    }

    record Routed(RoutingStatus status) {
    }

    /** Supervisors and admins see every contact; an agent only one offered to, taken by or handled by them. */
    @Operation(summary = "Where a contact is in routing (queue, offer, agent)")
    @GetMapping("/api/contacts/{contactId}/routing")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
    Routed routing(@PathVariable String contactId, Authentication auth) {
        var id = ContactId.of(contactId);
        boolean seesAll = auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_SUPERVISOR"));
        if (!seesAll && !handlers.worksOn(id, auth.getName())) {
            throw new NotPermittedException("Contact " + id + " is not offered to or handled by " + auth.getName());
        }
        return new Routed(routing.status(id));
    }

    @Operation(summary = "Mark a waiting contact a major complaint (served first)")
    @PutMapping("/api/contacts/{contactId}/priority")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Routed prioritize(@PathVariable String contactId, @Valid @RequestBody Priority body) {
        var id = ContactId.of(contactId);
        routing.prioritize(id, body.majorComplaint());
        return new Routed(routing.status(id));
    }
}
