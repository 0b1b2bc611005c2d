package dev.hotline.followup;

/** Who works follow-up: agents their own and the pool's tasks; supervisors (and admins) plan and assign any. */
public record FollowupActor(String name, boolean supervisor) {

    public static final FollowupActor SYSTEM = new FollowupActor("system", true);
}
