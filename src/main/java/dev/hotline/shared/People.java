package dev.hotline.shared;

import java.util.List;
import java.util.Optional;

/** Who works here, in which role and department, and how to reach them; only enabled users are returned. */
public interface People {

    Optional<Person> find(String username);

    /** Enabled users with this role. */
    List<Person> withRole(Role role);

    /** Managers without a department: the general management (总经理) that major complaints go to. */
    default List<Person> generalManagers() {
        return withRole(Role.MANAGER).stream().filter(p -> p.department() == null).toList();
    }

    /** The head of a department, matched by its code or its name (tickets name the responsible department). */
    Optional<Person> headOf(String department);

    /** The agent's supervisor, or every supervisor when the agent has none set. */
    default List<Person> supervisorsOf(String username) {
        return find(username).map(Person::supervisor).flatMap(this::find).map(List::of)
                .orElseGet(() -> withRole(Role.SUPERVISOR));
    }
}
