package dev.hotline.shared.security;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Departments tickets are handed to (a complaint's responsible department); admins keep the list. */
@Tag(name = "People", description = "Departments, teams and how to reach people")
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    private final DepartmentRepository departments;
    private final UserAccountRepository users;

    DepartmentController(DepartmentRepository departments, UserAccountRepository users) {
        this.departments = departments;
        this.users = users;
    }

    record DepartmentBody(@NotBlank @Size(max = 128) String name, @Size(max = 64) String head) {
    }

    record DepartmentView(String code, String name, String head) {
        static DepartmentView of(Department d) {
            return new DepartmentView(d.code(), d.name(), d.head());
        }
    }

    @Operation(summary = "Departments")
    @GetMapping
    List<DepartmentView> list() {
        return departments.findAllByOrderByCodeAsc().stream().map(DepartmentView::of).toList();
    }

    @Operation(summary = "Create or change a department")
    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    DepartmentView save(@PathVariable String code, @Valid @RequestBody DepartmentBody body) {
        if (!code.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new InvalidInputException("code", "A department code is 1–32 letters, digits, '_' or '-'");
        }
        String head = body.head() == null || body.head().isBlank() ? null : body.head().strip();
        if (head != null && users.findByUsername(head).filter(u -> u.role() == Role.MANAGER).isEmpty()) {
            throw new InvalidInputException("head", "'" + head + "' is not a manager");
        }
        var department = departments.findById(code).orElse(null);
        if (department == null) {
            department = departments.save(new Department(code, body.name().strip(), head));
        } else {
            department.rename(body.name().strip(), head);
        }
        return DepartmentView.of(department);
    }
}
