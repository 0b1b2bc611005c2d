package dev.hotline.shared;

/**
 * What a user may do: agents work contacts, supervisors watch and steer queues, managers (the general manager, a
 * department head) receive escalations and read the reports, admins configure.
 */
public enum Role {
    AGENT, SUPERVISOR, MANAGER, ADMIN;

    /** Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
