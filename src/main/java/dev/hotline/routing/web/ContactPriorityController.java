package dev.hotline.routing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingStatus;
import dev.hotline.shared.ContactId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
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

    ContactPriorityController(ContactRouting routing) {
        this.routing = routing;
    }

    record Priority(@NotNull Boolean majorComplaint) {
    }

    record Routed(RoutingStatus status) {
    }

    @Operation(summary = "Where a contact is in routing (queue, offer, agent)")
    @GetMapping("/api/contacts/{contactId}/routing")
    Routed routing(@PathVariable String contactId) {
        return new Routed(routing.status(ContactId.of(contactId)));
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
