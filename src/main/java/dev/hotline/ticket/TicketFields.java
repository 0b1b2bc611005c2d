package dev.hotline.ticket;

import dev.hotline.customer.Charge;
import dev.hotline.customer.ReturnReason;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The fields an agent fills in. In requests every field is optional: null leaves the stored value alone. The same
 * record is the ticket's current values in {@link TicketView}.
 *
 * @param warranty      until the customer archive decides warranty, the agent's decision for repairs
 * @param onSiteVisit   an engineer goes to the customer (repairs)
 * @param remoteSite    the site is remote: 36 h instead of 24 h to arrive
 * @param charge        the customer archive's vocabulary ({@link Charge}, seed 001 §7): one word for a charge everywhere
 * @param returnReason  eligibility of a return / exchange (seed 001 §5–6), in the archive's vocabulary
 * @param appointmentOn the day agreed with the customer for an installation or a maintenance visit
 */
public record TicketFields(TicketType type, ComplaintCategory category, Severity severity, String subject,
                           String description, String productSerial,
                           String orderNo, String partNo, LocalDate shipDate, Integer quantity,
                           Integer defectQuantity, String customerDemand,
                           String cause, String responsibleDepartment, String solution,
                           WarrantyDecision warranty, Charge charge, Boolean partsInStock,
                           Boolean onSiteVisit, Boolean remoteSite, Instant arrivedOnSiteAt,
                           ReturnReason returnReason, LocalDate appointmentOn) {

    public static final TicketFields NONE = new TicketFields(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The fields of every type but installation and maintenance (no appointment). */
    public TicketFields(TicketType type, ComplaintCategory category, Severity severity, String subject,
                        String description, String productSerial, String orderNo, String partNo, LocalDate shipDate,
                        Integer quantity, Integer defectQuantity, String customerDemand, String cause,
                        String responsibleDepartment, String solution, WarrantyDecision warranty, Charge charge,
                        Boolean partsInStock, Boolean onSiteVisit, Boolean remoteSite, Instant arrivedOnSiteAt,
                        ReturnReason returnReason) {
        this(type, category, severity, subject, description, productSerial, orderNo, partNo, shipDate, quantity,
                defectQuantity, customerDemand, cause, responsibleDepartment, solution, warranty, charge, partsInStock,
                onSiteVisit, remoteSite, arrivedOnSiteAt, returnReason, null);
    }

    /** These values with every non-null field of {@code patch} laid over them. */
    public TicketFields with(TicketFields patch) {
        if (patch == null) {
            return this;
        }
        return new TicketFields(or(patch.type, type), or(patch.category, category), or(patch.severity, severity),
                or(patch.subject, subject), or(patch.description, description),
                or(patch.productSerial, productSerial), or(patch.orderNo, orderNo), or(patch.partNo, partNo),
                or(patch.shipDate, shipDate), or(patch.quantity, quantity), or(patch.defectQuantity, defectQuantity),
                or(patch.customerDemand, customerDemand), or(patch.cause, cause),
                or(patch.responsibleDepartment, responsibleDepartment), or(patch.solution, solution),
                or(patch.warranty, warranty), or(patch.charge, charge), or(patch.partsInStock, partsInStock),
                or(patch.onSiteVisit, onSiteVisit), or(patch.remoteSite, remoteSite),
                or(patch.arrivedOnSiteAt, arrivedOnSiteAt), or(patch.returnReason, returnReason),
                or(patch.appointmentOn, appointmentOn));
    }

    public TicketFields withType(TicketType t) {
        return with(new TicketFields(t, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null));
    }

    public TicketFields withDescription(String d) {
        return with(new TicketFields(null, null, null, null, d, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null));
    }

    public TicketFields withSeverity(Severity s) {
        return with(new TicketFields(null, null, s, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null));
    }

    private static <T> T or(T value, T fallback) {
        if (value instanceof String s && s.isBlank()) {
            return fallback;
        }
        return value != null ? value : fallback;
    }
}
