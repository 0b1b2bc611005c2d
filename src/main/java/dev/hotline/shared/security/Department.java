package dev.hotline.shared.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A department a ticket can be handed to (quality, production, a sales office…), headed by a manager. */
@Entity
@Table(name = "department")
class Department {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    private String head;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt = Instant.now();

    protected Department() {
    }

    Department(String code, String name, String head) {
        this.code = code;
        rename(name, head);
    }

    void rename(String name, String head) {
        this.name = name;
        this.head = head;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String head() {
        return head;
    }
}
