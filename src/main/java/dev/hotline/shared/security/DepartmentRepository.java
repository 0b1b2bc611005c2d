package dev.hotline.shared.security;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface DepartmentRepository extends JpaRepository<Department, String> {

    /** Codes and names compare case-insensitively (utf8mb4_unicode_ci). */
    Optional<Department> findFirstByCodeOrName(String code, String name);

    List<Department> findAllByOrderByCodeAsc();
}
