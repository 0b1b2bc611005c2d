package dev.hotline.shared.security;

import dev.hotline.shared.Role;
import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByRole(Role role);

    List<UserAccount> findByRoleAndEnabledTrueOrderByUsernameAsc(Role role);

    Optional<UserAccount> findFirstByRoleAndDepartmentAndEnabledTrueOrderByUsernameAsc(Role role, String department);
}
