package dev.hotline.shared;

/**
 * A user as the people who must be told about something see them: how to reach them and how they want to be reached.
 *
 * @param department the department a MANAGER heads (null: a general manager) or an agent works in
 * @param supervisor the supervisor of an agent's team, null when not set
 */
public record Person(String username, String displayName, Role role, String department, String supervisor,
                     String email, String mobile, boolean byInApp, boolean byEmail, boolean bySms) {
}
