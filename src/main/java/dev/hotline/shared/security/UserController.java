package dev.hotline.shared.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import dev.hotline.shared.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * User accounts: admins create agents, supervisors, managers and admins and place them in departments and teams;
 * everyone may change their own password and the addresses escalations reach them at.
 */
@Tag(name = "Users", description = "Accounts and roles (ADMIN, MANAGER, SUPERVISOR, AGENT); admins create them, everyone changes their own password")
@RestController
@RequestMapping("/api/users")
class UserController {

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;

    private final DepartmentRepository departments;

    private final LoginThrottle throttle;

    UserController(UserAccountRepository users, PasswordEncoder encoder, DepartmentRepository departments,
                   LoginThrottle throttle) {
        this.throttle = throttle;
        this.users = users;
        this.encoder = encoder;
        this.departments = departments;
    }

    record NewUser(@NotBlank @Pattern(regexp = "[a-zA-Z0-9._-]{2,64}") String username,
                   @NotBlank @Size(min = 8, max = 128) String password,
                   @NotNull Role role,
                   @Size(max = 128) String displayName) {
    }

    /** {@code department} and {@code supervisor} are optional; left out they are cleared. */
    record UserChange(@NotNull Role role, @NotBlank @Size(max = 128) String displayName, boolean enabled,
                      @Size(max = 32) String department, @Size(max = 64) String supervisor) {
    }

    /** How a person is reached when something escalates; mobile in E.164 (+8613800138000). */
    record Reach(@Email @Size(max = 254) String email, @Pattern(regexp = "\\+[1-9][0-9]{6,14}") String mobile,
                 boolean inApp, boolean byEmail, boolean bySms) {
    }

    record PasswordChange(@NotBlank @Size(min = 8, max = 128) String password) {
    }

    record UserView(String username, Role role, String displayName, boolean enabled, String department,
                    String supervisor, String email, String mobile, boolean inApp, boolean byEmail, boolean bySms) {
        static UserView of(UserAccount a) {
            var p = a.person();
            return new UserView(a.username(), a.role(), a.displayName(), a.enabled(), p.department(), p.supervisor(),
                    p.email(), p.mobile(), p.byInApp(), p.byEmail(), p.bySms());
        }
    }

    @Operation(summary = "The logged-in user")
    @GetMapping("/me")
    UserView me(Authentication auth) {
        return UserView.of(find(auth.getName()));
    }

    @Operation(summary = "List users")
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGER')")
    List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    @Operation(summary = "Create a user")
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    UserView create(@Valid @RequestBody NewUser body) {
        if (users.findByUsername(body.username()).isPresent()) {
            throw new ConflictException("duplicate-user", "User '" + body.username() + "' already exists");
        }
        String name = body.displayName() == null || body.displayName().isBlank() ? body.username() : body.displayName();
        return UserView.of(users.save(new UserAccount(body.username(), encoder.encode(body.password()), body.role(), name)));
    }

    @Operation(summary = "Change a user's role or enable/disable it")
    @PutMapping("/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    UserView update(@PathVariable String username, @Valid @RequestBody UserChange body) {
        var account = find(username);
        String department = blankToNull(body.department());
        String supervisor = blankToNull(body.supervisor());
        if (department != null && !departments.existsById(department)) {
            throw new InvalidInputException("department", "No department '" + department + "'");
        }
        if (supervisor != null && users.findByUsername(supervisor).filter(s -> s.role() == Role.SUPERVISOR).isEmpty()) {
            throw new InvalidInputException("supervisor", "'" + supervisor + "' is not a supervisor");
        }
        account.update(body.role(), body.displayName(), body.enabled());
        account.organise(department, supervisor);
        return UserView.of(account);
    }

    @Operation(summary = "Set how escalations reach a person (e-mail, mobile, channels)")
    @PutMapping("/{username}/reach")
    @Transactional
    UserView reach(@PathVariable String username, @Valid @RequestBody Reach body, Authentication auth) {
        selfOrAdmin(username, auth, "Only an admin may change another user's addresses");
        var account = find(username);
        account.reachAt(blankToNull(body.email()), blankToNull(body.mobile()), body.inApp(), body.byEmail(),
                body.bySms());
        return UserView.of(account);
    }

    @Operation(summary = "Change a password (your own, or anyone's as admin)")
    @PutMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void changePassword(@PathVariable String username, @Valid @RequestBody PasswordChange body, Authentication auth) {
        selfOrAdmin(username, auth, "Only an admin may change another user's password");
        find(username).changePassword(encoder.encode(body.password()));
    }

    private static void selfOrAdmin(String username, Authentication auth, String refusal) {
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(Role.ADMIN.authority()));
        if (!admin && !auth.getName().equals(username)) {
            throw new NotPermittedException(refusal);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private UserAccount find(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFoundException("User", username));
    }

    /** Lifts the lock (and forgets the failed attempts) of a login name, before it runs out; audited. */
    @Operation(summary = "Unlock a login locked after failed attempts")
    @ApiResponse(responseCode = "204", description = "Unlocked (or was not locked)")
    @org.springframework.web.bind.annotation.DeleteMapping("/{username}/login-lock")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void unlock(@PathVariable @Size(max = 300) String username, Authentication auth) {
        throttle.unlock(username, auth.getName());
    }
}
