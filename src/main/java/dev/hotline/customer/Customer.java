package dev.hotline.customer;

import dev.hotline.shared.CustomerTier;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.hibernate.annotations.BatchSize;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A customer of the archive (客户档案). Phone numbers are kept in E.164 only, one row each in customer_phone. */
@Entity
@Table(name = "customer")
class Customer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "contact_person", length = 100)
    private String contactPerson;

    @Column(length = 500)
    private String address;

    @Column(length = 254)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CustomerTier tier;

    @Column(length = 4000)
    private String notes;

    @ElementCollection
    @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "e164", nullable = false, length = 16)
    @OrderBy
    @BatchSize(size = 50)
    private Set<String> phones = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 64, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    protected Customer() {
    }

    Customer(CustomerData data, Collection<String> e164s, Instant now, String user) {
        this.createdAt = now;
        this.createdBy = user;
        change(data, e164s, now, user);
    }

    /** Replaces every field and the phone numbers with {@code data}; records who changed it and when. */
    void change(CustomerData data, Collection<String> e164s, Instant now, String user) {
        this.name = data.name().strip();
        this.contactPerson = blankToNull(data.contactPerson());
        this.address = blankToNull(data.address());
        this.email = blankToNull(data.email());
        this.tier = data.tier() == null ? CustomerTier.REGULAR : data.tier();
        this.notes = blankToNull(data.notes());
        this.phones.retainAll(e164s);
        this.phones.addAll(e164s);
        touch(now, user);
    }

    /** Adds numbers without dropping the ones already known (the import merges, it never forgets a number). */
    void addPhones(Collection<String> e164s, Instant now, String user) {
        if (phones.addAll(e164s)) {
            touch(now, user);
        }
    }

    void touch(Instant now, String user) {
        this.updatedAt = now;
        this.updatedBy = user;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String contactPerson() {
        return contactPerson;
    }

    String address() {
        return address;
    }

    String email() {
        return email;
    }

    CustomerTier tier() {
        return tier;
    }

    String notes() {
        return notes;
    }

    List<String> phones() {
        return List.copyOf(phones);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    String updatedBy() {
        return updatedBy;
    }
}
