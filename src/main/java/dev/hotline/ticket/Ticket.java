package dev.hotline.ticket;

import dev.hotline.customer.Charge;
import dev.hotline.customer.ReturnReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A ticket's current state. It only changes through {@link TicketService}, which checks {@link TicketFlow} first and
 * writes a history row for every change.
 */
@Entity
@Table(name = "ticket")
class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private String number;
    @Enumerated(EnumType.STRING)
    private TicketType type;
    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    @Enumerated(EnumType.STRING)
    private ComplaintCategory category;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    @Column(name = "customer_id")
    private Long customerId;
    private String subject;
    private String description;
    @Column(name = "product_serial")
    private String productSerial;
    private String assignee;
    @Column(name = "created_by", updatable = false)
    private String createdBy;
    @Column(name = "opened_at", updatable = false)
    private Instant openedAt;
    @Column(name = "registered_at")
    private Instant registeredAt;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "reopen_count")
    private int reopenCount;
    private boolean escalated;
    @Column(name = "repeat_repair_of")
    private String repeatRepairOf;
    @Column(name = "order_no")
    private String orderNo;
    @Column(name = "part_no")
    private String partNo;
    @Column(name = "ship_date")
    private LocalDate shipDate;
    private Integer quantity;
    @Column(name = "defect_quantity")
    private Integer defectQuantity;
    @Column(name = "customer_demand")
    private String customerDemand;
    private String cause;
    @Column(name = "responsible_department")
    private String responsibleDepartment;
    private String solution;
    @Enumerated(EnumType.STRING)
    private WarrantyDecision warranty;
    @Enumerated(EnumType.STRING)
    private Charge charge;
    @Column(name = "parts_in_stock")
    private Boolean partsInStock;
    @Column(name = "on_site_visit")
    private Boolean onSiteVisit;
    @Column(name = "remote_site")
    private Boolean remoteSite;
    @Column(name = "arrived_on_site_at")
    private Instant arrivedOnSiteAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "return_reason")
    private ReturnReason returnReason;
    @Column(name = "appointment_on")
    private LocalDate appointmentOn;
    @Version
    private long version;

    protected Ticket() {
    }

    Ticket(String number, Long customerId, String subject, String createdBy, Instant openedAt) {
        this.number = number;
        this.customerId = customerId;
        this.subject = subject;
        this.createdBy = createdBy;
        this.openedAt = openedAt;
        this.status = TicketStatus.DRAFT;
    }

    TicketFields fields() {
        return new TicketFields(type, category, severity, subject, description, productSerial, orderNo, partNo,
                shipDate, quantity, defectQuantity, customerDemand, cause, responsibleDepartment, solution, warranty,
                charge, partsInStock, onSiteVisit, remoteSite, arrivedOnSiteAt, returnReason, appointmentOn);
    }

    /** A draft with neither a type nor a description: nobody worked on it. */
    boolean unfilled() {
        return status == TicketStatus.DRAFT && type == null && (description == null || description.isBlank());
    }

    /** Stores the values (already checked by the flow); the type is fixed once registered. */
    void apply(TicketFields v) {
        type = v.type();
        category = v.category();
        severity = v.severity();
        subject = v.subject();
        description = v.description();
        productSerial = v.productSerial();
        orderNo = v.orderNo();
        partNo = v.partNo();
        shipDate = v.shipDate();
        quantity = v.quantity();
        defectQuantity = v.defectQuantity();
        customerDemand = v.customerDemand();
        cause = v.cause();
        responsibleDepartment = v.responsibleDepartment();
        solution = v.solution();
        warranty = v.warranty();
        charge = v.charge();
        partsInStock = v.partsInStock();
        onSiteVisit = v.onSiteVisit();
        remoteSite = v.remoteSite();
        arrivedOnSiteAt = v.arrivedOnSiteAt();
        returnReason = v.returnReason();
        appointmentOn = v.appointmentOn();
    }

    void moveTo(TicketStatus to, Instant at) {
        if (to == TicketStatus.REGISTERED && registeredAt == null) {
            registeredAt = at;
        }
        if (to == TicketStatus.REOPENED) {
            reopenCount++;
            closedAt = null;   // back in work: a later close sets it again
        }
        if (to == TicketStatus.CLOSED) {
            closedAt = at;
        }
        status = to;
    }

    void escalateToMajor() {
        severity = Severity.MAJOR;
        escalated = true;
    }

    void assignTo(String agent) {
        assignee = agent;
    }

    void customer(Long id) {
        customerId = id;
    }

    void repeatRepairOf(String earlierNumber) {
        repeatRepairOf = earlierNumber;
    }

    Long id() {
        return id;
    }

    String number() {
        return number;
    }

    TicketType type() {
        return type;
    }

    TicketStatus status() {
        return status;
    }

    Severity severity() {
        return severity;
    }

    Long customerId() {
        return customerId;
    }

    String assignee() {
        return assignee;
    }

    Instant openedAt() {
        return openedAt;
    }

    int reopenCount() {
        return reopenCount;
    }

    TicketView view() {
        return new TicketView(id, number, type, status, customerId, assignee, createdBy, openedAt, registeredAt,
                closedAt, reopenCount, escalated, repeatRepairOf, fields());
    }
}
