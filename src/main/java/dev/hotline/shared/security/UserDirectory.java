package dev.hotline.shared.security;

import dev.hotline.shared.People;
import dev.hotline.shared.Person;
import dev.hotline.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** {@link People} from the user accounts and departments. */
@Service
@Transactional(readOnly = true)
class UserDirectory implements People {

    private final UserAccountRepository users;
    private final DepartmentRepository departments;

    UserDirectory(UserAccountRepository users, DepartmentRepository departments) {
        this.users = users;
        this.departments = departments;
    }

    @Override
    public Optional<Person> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return users.findByUsername(username).filter(UserAccount::enabled).map(UserAccount::person);
    }

    @Override
    public List<Person> withRole(Role role) {
        return users.findByRoleAndEnabledTrueOrderByUsernameAsc(role).stream().map(UserAccount::person).toList();
    }

    @Override
    public Optional<Person> headOf(String department) {
        if (department == null || department.isBlank()) {
            return Optional.empty();
        }
        var found = departments.findFirstByCodeOrName(department.strip(), department.strip());
        // a department without a named head: its first manager
        return found.flatMap(d -> d.head() != null ? find(d.head()) : users
                .findFirstByRoleAndDepartmentAndEnabledTrueOrderByUsernameAsc(Role.MANAGER, d.code())
                .map(UserAccount::person));
    }
}
