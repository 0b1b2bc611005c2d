package dev.hotline.followup.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.followup.FollowupActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the follow-up pages are talking to: an agent takes pool tasks in their own name. */
@Tag(name = "Follow-up", description = "Return visits and satisfaction surveys")
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class MeController {

    @Operation(summary = "The follow-up tasks due for the signed-in agent")
    @GetMapping("/api/followup/me")
    FollowupActor me(Authentication auth) {
        return Actors.of(auth);
    }
}
