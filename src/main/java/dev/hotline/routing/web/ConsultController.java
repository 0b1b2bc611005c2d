package dev.hotline.routing.web;

import dev.hotline.routing.CallConsultation;
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
 * Consultative transfer: like hold and transfer ({@code CallControlController}) every role may call these, and routing
 * lets only the agent the call is connected to start, complete or return a consult, and only its target accept or
 * decline it (anyone else: 403).
 */
@Tag(name = "Routing")
@RestController
class ConsultController {

    private final CallConsultation consultation;

    ConsultController(CallConsultation consultation) {
        this.consultation = consultation;
    }

    /** Exactly one of them: a queue (its first free agent is rung) or a named AVAILABLE agent. */
    record Consult(@Size(max = 64) String queue, @Size(max = 64) String agent) {
    }

    @Operation(summary = "Consult a queue or a named agent about your connected call (the caller is held)")
    @PostMapping("/api/contacts/{contactId}/consult")
    @ResponseStatus(HttpStatus.CREATED)
    CallConsultation.Consult consult(@PathVariable String contactId, @Valid @RequestBody Consult body,
                                     Authentication auth) {
        return consultation.consult(ContactId.of(contactId), auth.getName(), body.queue(), body.agent());
    }

    @Operation(summary = "Complete the consultative transfer: the caller goes to the agent you consulted")
    @PostMapping("/api/contacts/{contactId}/consult/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void complete(@PathVariable String contactId, Authentication auth) {
        consultation.complete(ContactId.of(contactId), auth.getName());
    }

    @Operation(summary = "End the consult and take the caller back")
    @PostMapping("/api/contacts/{contactId}/consult/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void giveBack(@PathVariable String contactId, Authentication auth) {
        consultation.returnToCaller(ContactId.of(contactId), auth.getName());
    }

    @Operation(summary = "Accept a consult ringing for you")
    @PostMapping("/api/consults/{contactId}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void accept(@PathVariable String contactId, Authentication auth) {
        consultation.accept(ContactId.of(contactId), auth.getName());
    }

    @Operation(summary = "Decline a consult ringing for you (the calling agent keeps the caller on hold)")
    @PostMapping("/api/consults/{contactId}/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void decline(@PathVariable String contactId, Authentication auth) {
        consultation.decline(ContactId.of(contactId), auth.getName());
    }
}
