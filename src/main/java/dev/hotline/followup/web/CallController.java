package dev.hotline.followup.web;

import dev.hotline.followup.ClickToCall;
import dev.hotline.followup.OutboundCalls;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Click-to-call: the agent's phone rings, then the customer's. 202: the PBX or provider took the call; its progress
 * is on the contact ({@code GET /api/contacts/{contactId}}) and the agent's state.
 */
@Tag(name = "Follow-up", description = "Return visits and satisfaction surveys")
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class CallController {

    private final ClickToCall calls;

    CallController(ClickToCall calls) {
        this.calls = calls;
    }

    /** {@code number}: one of the customer's archive numbers; empty = the first. */
    record CallRequest(@Size(max = 32) String number) {
    }

    @Operation(summary = "Call the customer of a return-visit task (rings the agent's phone first)")
    @PostMapping("/api/followup/visits/{id}/call")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OutboundCalls.PlacedCall callForVisit(@PathVariable long id, @Valid @RequestBody(required = false) CallRequest body,
                                          Authentication auth) {
        return calls.callForVisit(id, body == null ? null : body.number(), Actors.of(auth));
    }

    @Operation(summary = "Where an outbound call stands (RINGING, CONNECTED, ENDED, FAILED with the reason)")
    @GetMapping("/api/followup/calls/{contactId}")
    ClickToCall.CallProgress progress(@PathVariable long contactId, Authentication auth) {
        return calls.progress(contactId, Actors.of(auth));
    }

    @Operation(summary = "Call a customer back (rings the agent's phone first)")
    @PostMapping("/api/followup/customers/{customerId}/call")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OutboundCalls.PlacedCall callCustomer(@PathVariable long customerId,
                                          @Valid @RequestBody(required = false) CallRequest body, Authentication auth) {
        return calls.callCustomer(customerId, body == null ? null : body.number(), Actors.of(auth));
    }
}
