package dev.hotline.routing.web;

import dev.hotline.routing.ContactRouting;
import dev.hotline.shared.ContactId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * What an agent does with the call it is connected to: hold, resume, blind transfer. Every role may call these, but
 * routing lets only the agent the call is connected to act on it (anyone else: 403), so a supervisor cannot move an
 * agent's call from here either.
 */
@Tag(name = "Routing")
@RestController
class CallControlController {

    private final ContactRouting routing;

    CallControlController(ContactRouting routing) {
        this.routing = routing;
    }

    /** Exactly one of them: a queue (the call waits there at its original place) or a named agent. */
    record Transfer(@Size(max = 64) String queue, @Size(max = 64) String agent) {
    }

    @Operation(summary = "Put your connected call on hold (the caller hears music)")
    @PostMapping("/api/contacts/{contactId}/hold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void hold(@PathVariable String contactId, Authentication auth) {
        routing.hold(ContactId.of(contactId), auth.getName(), true);
    }

    @Operation(summary = "Take your held call back")
    @PostMapping("/api/contacts/{contactId}/resume")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resume(@PathVariable String contactId, Authentication auth) {
        routing.hold(ContactId.of(contactId), auth.getName(), false);
    }

    @Operation(summary = "Transfer your connected call to a queue or a named agent (blind transfer)")
    @PostMapping("/api/contacts/{contactId}/transfer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void transfer(@PathVariable String contactId, @Valid @RequestBody Transfer body, Authentication auth) {
        routing.transfer(ContactId.of(contactId), auth.getName(), body.queue(), body.agent());
    }
}
