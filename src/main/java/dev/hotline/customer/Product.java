package dev.hotline.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A product a customer owns, identified by its serial number (unique across the archive). */
@Entity
@Table(name = "customer_product")
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false, updatable = false)
    private long customerId;

    @Column(nullable = false, length = 100)
    private String model;

    @Column(name = "serial_number", nullable = false, length = 100, updatable = false)
    private String serialNumber;

    @Column(name = "ship_date")
    private LocalDate shipDate;

    @Column(name = "purchase_date")
    private LocalDate purchaseDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "sales_channel", nullable = false, length = 16)
    private SalesChannel salesChannel;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 64, updatable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", length = 64)
    private String updatedBy;

    protected Product() {
    }

    Product(long customerId, ProductData data, Instant now, String user) {
        this.customerId = customerId;
        this.serialNumber = data.serialNumber().strip();
        this.createdAt = now;
        this.createdBy = user;
        change(data, now, user);
    }

    void change(ProductData data, Instant now, String user) {
        this.model = data.model().strip();
        this.shipDate = data.shipDate();
        this.purchaseDate = data.purchaseDate();
        this.salesChannel = data.salesChannel();
        this.quantity = data.quantity() == null ? 1 : data.quantity();
        this.updatedAt = now;
        this.updatedBy = user;
    }

    Long id() {
        return id;
    }

    long customerId() {
        return customerId;
    }

    String model() {
        return model;
    }

    String serialNumber() {
        return serialNumber;
    }

    LocalDate shipDate() {
        return shipDate;
    }

    LocalDate purchaseDate() {
        return purchaseDate;
    }

    SalesChannel salesChannel() {
        return salesChannel;
    }

    int quantity() {
        return quantity;
    }
}
