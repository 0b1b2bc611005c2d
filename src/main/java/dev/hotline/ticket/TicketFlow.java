package dev.hotline.ticket;

import dev.hotline.customer.ReturnReason;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.hotline.ticket.TicketStatus.*;

/**
 * The state machine of every ticket type, and the fields each step needs. Pure: the service asks it before it
 * changes anything, so a refused step changes nothing.
 */
final class TicketFlow {

    /** Any draft is typed by registering it, or closed (wrong number, spam, merged into another ticket). */
    private static final Set<TicketStatus> FROM_DRAFT = EnumSet.of(REGISTERED, CLOSED);

    private static final Map<TicketType, Map<TicketStatus, Set<TicketStatus>>> FLOWS = new EnumMap<>(TicketType.class);

    static {
        flow(TicketType.INQUIRY)
                .put(REGISTERED, EnumSet.of(CLOSED));
        flow(TicketType.COMPLAINT)
                .step(REGISTERED, VERIFIED)
                .step(VERIFIED, ANALYSED)
                .step(ANALYSED, SOLUTION_AGREED)
                .step(SOLUTION_AGREED, IMPLEMENTED)
                .step(IMPLEMENTED, CUSTOMER_INFORMED)
                // satisfied: closed; not satisfied: back into the flow, copied to the general manager (003 §4.4.4)
                .put(CUSTOMER_INFORMED, EnumSet.of(CLOSED, REOPENED))
                .put(REOPENED, EnumSet.of(VERIFIED, ANALYSED, SOLUTION_AGREED));
        flow(TicketType.REPAIR)
                .step(REGISTERED, DIAGNOSED)
                // workshop repair, or an engineer goes on site
                .put(DIAGNOSED, EnumSet.of(FIXED, ON_SITE))
                // fixed within 2 h of arrival, else a replacement (003 §3.1.6, §6.5)
                .put(ON_SITE, EnumSet.of(FIXED, REPLACEMENT_PENDING))
                .step(REPLACEMENT_PENDING, FIXED)
                .step(FIXED, CLOSED);
        flow(TicketType.RETURN_EXCHANGE)
                .step(REGISTERED, ASSESSED)
                // eligible: returned or exchanged then closed; refused: closed with the reason (001 §6)
                .put(ASSESSED, EnumSet.of(IMPLEMENTED, CLOSED))
                .step(IMPLEMENTED, CLOSED);
        flow(TicketType.SUGGESTION)
                .put(REGISTERED, EnumSet.of(FORWARDED, CLOSED))
                .step(FORWARDED, CLOSED);
        flow(TicketType.PRAISE)
                .put(REGISTERED, EnumSet.of(FORWARDED, CLOSED))
                .step(FORWARDED, CLOSED);
        flow(TicketType.EMERGENCY)
                .step(REGISTERED, REPORTED)
                .step(REPORTED, IMPLEMENTED)
                .step(IMPLEMENTED, CLOSED);
        // delivered, installed and commissioned, handed over after the full-load run (004 §4.0 4.6–4.7)
        flow(TicketType.INSTALLATION)
                .step(REGISTERED, SCHEDULED)
                .step(SCHEDULED, INSTALLED)
                .step(INSTALLED, HANDED_OVER)
                .step(HANDED_OVER, CLOSED);
        // periodic maintenance at the customer's (004 §3.3 a)
        flow(TicketType.MAINTENANCE)
                .step(REGISTERED, SCHEDULED)
                .step(SCHEDULED, ON_SITE)
                .step(ON_SITE, MAINTAINED)
                .step(MAINTAINED, CLOSED);
    }

    private TicketFlow() {
    }

    /** The statuses a ticket of {@code type} (null while a draft) may move to from {@code from}. */
    static Set<TicketStatus> targets(TicketType type, TicketStatus from) {
        if (from == DRAFT) {
            return FROM_DRAFT;
        }
        if (type == null || from == CLOSED) {
            return Set.of();
        }
        return FLOWS.get(type).getOrDefault(from, Set.of());
    }

    /**
     * A complaint the customer is not satisfied with may go back into the flow from CUSTOMER_INFORMED or CLOSED
     * (003 §4.4.4); CLOSED stays final for every ordinary step.
     */
    static void checkReopen(TicketType type, TicketStatus from, String number) {
        if (type != TicketType.COMPLAINT || (from != CUSTOMER_INFORMED && from != CLOSED)) {
            throw new ConflictException("not-reopenable", "Ticket " + number + " (" + describe(type) + ", " + from
                    + ") cannot be reopened: only a complaint that was closed or whose customer was informed");
        }
    }

    /** The statuses a ticket of {@code type} can ever be in. */
    static Set<TicketStatus> statuses(TicketType type) {
        var all = EnumSet.of(DRAFT, REGISTERED, CLOSED);
        FLOWS.get(type).forEach((from, to) -> {
            all.add(from);
            all.addAll(to);
        });
        return all;
    }

    /**
     * Refuses a step the flow does not allow ({@link ConflictException}) or whose mandatory fields are missing in
     * {@code values}, the ticket's fields as they would be after the step ({@link InvalidInputException}).
     */
    static void check(TicketStatus from, TicketStatus to, TicketFields values, String note) {
        if (!targets(values.type(), from).contains(to)) {
            // a draft being registered may pick its type in the same step
            throw new ConflictException("illegal-transition", "A " + describe(values.type()) + " ticket cannot go from "
                    + from + " to " + to + "; allowed: " + targets(values.type(), from));
        }
        var missing = missingFields(from, to, values, note);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing.get(0), "Moving to " + to + " needs " + String.join(", ", missing));
        }
        if (values.quantity() != null && values.defectQuantity() != null
                && values.defectQuantity() > values.quantity()) {
            throw new InvalidInputException("defectQuantity", "The defect quantity cannot exceed the quantity");
        }
    }

    /** The mandatory fields of the step that are still empty, in a stable order. */
    static List<String> missingFields(TicketStatus from, TicketStatus to, TicketFields v, String note) {
        var missing = new Missing();
        TicketType type = v.type();
        if (from == DRAFT && to == CLOSED) {
            missing.require("note", note);
            return missing.names;
        }
        switch (to) {
            case REGISTERED -> {
                missing.require("type", type);
                missing.require("description", v.description());
                if (type == TicketType.COMPLAINT) {
                    missing.require("category", v.category());
                    missing.require("severity", v.severity());
                }
                if (type == TicketType.REPAIR || type == TicketType.RETURN_EXCHANGE || type == TicketType.INSTALLATION
                        || type == TicketType.MAINTENANCE) {
                    missing.require("productSerial", v.productSerial());
                }
            }
            case VERIFIED -> {
                missing.require("orderNo", v.orderNo());
                missing.require("partNo", v.partNo());
                missing.require("shipDate", v.shipDate());
                missing.require("quantity", v.quantity());
                missing.require("defectQuantity", v.defectQuantity());
                missing.require("customerDemand", v.customerDemand());
            }
            case ANALYSED -> {
                missing.require("cause", v.cause());
                missing.require("responsibleDepartment", v.responsibleDepartment());
            }
            case SOLUTION_AGREED -> missing.require("solution", v.solution());
            case REOPENED -> missing.require("note", note);
            case DIAGNOSED -> {
                missing.require("warranty", v.warranty());
                missing.require("charge", v.charge());
                missing.require("partsInStock", v.partsInStock());
                missing.require("onSiteVisit", v.onSiteVisit());
            }
            case ASSESSED -> missing.require("returnReason", v.returnReason());
            case SCHEDULED -> missing.require("appointmentOn", v.appointmentOn());
            // the installation and commissioning record, the guidance given at hand-over, the maintenance done
            case INSTALLED, HANDED_OVER, MAINTAINED -> missing.require("note", note);
            case IMPLEMENTED -> {
                if (type == TicketType.RETURN_EXCHANGE && v.returnReason() != null && !v.returnReason().allows()) {
                    missing.names.add("returnReason (refused under " + v.returnReason().rule() + ")");
                }
            }
            case CLOSED -> {
                if (type == TicketType.RETURN_EXCHANGE && from == ASSESSED && v.returnReason() != null
                        && v.returnReason().allows()) {
                    missing.names.add("returnReason (eligible returns are implemented before closing)");
                }
                if (type == TicketType.INQUIRY || type == TicketType.PRAISE || type == TicketType.SUGGESTION) {
                    missing.require("note", note);
                }
            }
            default -> {
            }
        }
        if (to == ON_SITE && v.onSiteVisit() != null && !v.onSiteVisit()) {
            missing.names.add("onSiteVisit (no visit was planned)");
        }
        return Collections.unmodifiableList(missing.names);
    }

    private static String describe(TicketType type) {
        return type == null ? "draft" : type.name();
    }

    private static Builder flow(TicketType type) {
        var map = new EnumMap<TicketStatus, Set<TicketStatus>>(TicketStatus.class);
        FLOWS.put(type, map);
        return new Builder(map);
    }

    private record Builder(Map<TicketStatus, Set<TicketStatus>> map) {
        Builder step(TicketStatus from, TicketStatus to) {
            return put(from, EnumSet.of(to));
        }

        Builder put(TicketStatus from, Set<TicketStatus> to) {
            map.put(from, Collections.unmodifiableSet(to));
            return this;
        }
    }

    private static final class Missing {
        final List<String> names = new ArrayList<>();

        void require(String name, Object value) {
            if (value == null || (value instanceof String s && s.isBlank())) {
                names.add(name);
            }
        }
    }
}
