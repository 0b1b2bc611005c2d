package dev.hotline.shared;

/** What a user may do: agents work contacts, supervisors watch and steer queues, admins configure. */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
