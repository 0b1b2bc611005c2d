package dev.hotline.shared.security;

import dev.hotline.shared.Person;
import dev.hotline.shared.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A person who logs in: an agent, a supervisor, a manager or an admin. Passwords are stored as BCrypt hashes only. */
@Entity
@Table(name = "app_user")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "display_name", nullable = false, length = 128)
    private String displayName;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    private String email;
    private String mobile;
    private String department;
    private String supervisor;
    @Column(name = "notify_in_app", nullable = false)
    private boolean notifyInApp = true;
    @Column(name = "notify_email", nullable = false)
    private boolean notifyEmail = true;
    @Column(name = "notify_sms", nullable = false)
    private boolean notifySms;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, Role role, String displayName) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.role = role;
        this.displayName = displayName;
    }

    Long id() {
        return id;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    String displayName() {
        return displayName;
    }

    boolean enabled() {
        return enabled;
    }

    void update(Role role, String displayName, boolean enabled) {
        this.role = role;
        this.displayName = displayName;
        this.enabled = enabled;
    }

    void organise(String department, String supervisor) {
        this.department = department;
        this.supervisor = supervisor;
    }

    /** How this person wants to be told about escalations; {@code mobile} in E.164. */
    void reachAt(String email, String mobile, boolean inApp, boolean byEmail, boolean bySms) {
        this.email = email;
        this.mobile = mobile;
        this.notifyInApp = inApp;
        this.notifyEmail = byEmail;
        this.notifySms = bySms;
    }

    Person person() {
        return new Person(username, displayName, role, department, supervisor, email, mobile, notifyInApp,
                notifyEmail, notifySms);
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }
}
