package dev.hotline.followup.web;

import dev.hotline.followup.FollowupActor;
import org.springframework.security.core.Authentication;

/** The caller as follow-up sees them: supervisors and admins plan and assign, agents work. */
final class Actors {

    private Actors() {
    }

    static FollowupActor of(Authentication auth) {
        boolean supervisor = auth.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_SUPERVISOR"));
        return new FollowupActor(auth.getName(), supervisor);
    }
}
