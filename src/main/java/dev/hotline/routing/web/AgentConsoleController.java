package dev.hotline.routing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.AgentStatus;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.NotPermittedException;
import dev.hotline.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What an agent does from the console; acts on the logged-in agent. Supervisors and admins may set anyone's state. */
@Tag(name = "Routing")
@RestController
class AgentConsoleController {

    private final AgentPresence presence;

    AgentConsoleController(AgentPresence presence) {
        this.presence = presence;
    }

    record StateChange(@NotNull AgentState state, @Size(max = 100) String reason) {
    }

    record Finish(@Size(max = 100) String disposition) {
    }

    @Operation(summary = "Your state, pending offer and active contacts (agent)")
    @GetMapping("/api/agents/me")
    AgentStatus me(Authentication auth) {
        return presence.status(auth.getName());
    }

    @Operation(summary = "Change your state: AVAILABLE, BREAK with a reason, OFFLINE")
    @PutMapping("/api/agents/me/state")
    AgentStatus myState(@Valid @RequestBody StateChange body, Authentication auth) {
        return presence.changeState(auth.getName(), body.state(), body.reason());
    }

    @Operation(summary = "An agent's live state")
    @GetMapping("/api/agents/{username}/state")
    AgentStatus state(@PathVariable String username, Authentication auth) {
        requireSelfOrSupervisor(username, auth);
        return presence.status(username);
    }

    @Operation(summary = "Set an agent's state (supervisor; OFFLINE = force logout)")
    @PutMapping("/api/agents/{username}/state")
    AgentStatus setState(@PathVariable String username, @Valid @RequestBody StateChange body, Authentication auth) {
        requireSelfOrSupervisor(username, auth);
        return presence.changeState(username, body.state(), body.reason());
    }

    @Operation(summary = "Accept the contact offered to you")
    @PostMapping("/api/offers/{contactId}/accept")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void accept(@PathVariable String contactId, Authentication auth) {
        presence.accept(ContactId.of(contactId), auth.getName());
    }

    @Operation(summary = "Reject the contact offered to you")
    @PostMapping("/api/offers/{contactId}/reject")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reject(@PathVariable String contactId, Authentication auth) {
        presence.reject(ContactId.of(contactId), auth.getName());
    }

    @Operation(summary = "Finish a contact with a disposition (wrap-up starts)")
    @PostMapping("/api/contacts/{contactId}/finish")
    AgentStatus finish(@PathVariable String contactId, @Valid @RequestBody(required = false) Finish body,
                       Authentication auth) {
        presence.finish(ContactId.of(contactId), auth.getName(), body == null ? null : body.disposition());
        return presence.status(auth.getName());
    }

    private static void requireSelfOrSupervisor(String username, Authentication auth) {
        boolean supervisor = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.SUPERVISOR.authority())
                || a.getAuthority().equals(Role.ADMIN.authority()));
        if (!supervisor && !auth.getName().equals(username)) {
            throw new NotPermittedException("An agent may change only their own state");
        }
    }
}
