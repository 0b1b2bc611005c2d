package dev.hotline.followup.web;

import dev.hotline.followup.FollowupActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the follow-up pages are talking to: an agent takes pool tasks in their own name. */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class MeController {

    @GetMapping("/api/followup/me")
    FollowupActor me(Authentication auth) {
        return Actors.of(auth);
    }
}
