package dev.hotline.ticket;

import dev.hotline.customer.Charge;
import dev.hotline.customer.ReturnReason;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.hotline.ticket.TicketStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every allowed and every refused step of every ticket type. */
class TicketFlowTests {

    /** The flows as the regulations describe them, written out independently of {@link TicketFlow}. */
    private static final Map<TicketType, Map<TicketStatus, Set<TicketStatus>>> EXPECTED = Map.of(
            TicketType.INQUIRY, Map.of(REGISTERED, Set.of(CLOSED)),
            TicketType.COMPLAINT, Map.of(
                    REGISTERED, Set.of(VERIFIED), VERIFIED, Set.of(ANALYSED), ANALYSED, Set.of(SOLUTION_AGREED),
                    SOLUTION_AGREED, Set.of(IMPLEMENTED), IMPLEMENTED, Set.of(CUSTOMER_INFORMED),
                    CUSTOMER_INFORMED, Set.of(CLOSED, REOPENED), REOPENED, Set.of(VERIFIED, ANALYSED, SOLUTION_AGREED)),
            TicketType.REPAIR, Map.of(
                    REGISTERED, Set.of(DIAGNOSED), DIAGNOSED, Set.of(FIXED, ON_SITE),
                    ON_SITE, Set.of(FIXED, REPLACEMENT_PENDING), REPLACEMENT_PENDING, Set.of(FIXED),
                    FIXED, Set.of(CLOSED)),
            TicketType.RETURN_EXCHANGE, Map.of(
                    REGISTERED, Set.of(ASSESSED), ASSESSED, Set.of(IMPLEMENTED, CLOSED), IMPLEMENTED, Set.of(CLOSED)),
            TicketType.SUGGESTION, Map.of(REGISTERED, Set.of(FORWARDED, CLOSED), FORWARDED, Set.of(CLOSED)),
            TicketType.PRAISE, Map.of(REGISTERED, Set.of(FORWARDED, CLOSED), FORWARDED, Set.of(CLOSED)),
            TicketType.EMERGENCY, Map.of(
                    REGISTERED, Set.of(REPORTED), REPORTED, Set.of(IMPLEMENTED), IMPLEMENTED, Set.of(CLOSED)),
            // 004 §4.0 4.6–4.7: date agreed, installed and commissioned, handed over after the full-load run
            TicketType.INSTALLATION, Map.of(
                    REGISTERED, Set.of(SCHEDULED), SCHEDULED, Set.of(INSTALLED), INSTALLED, Set.of(HANDED_OVER),
                    HANDED_OVER, Set.of(CLOSED)),
            // 004 §3.3 a: periodic maintenance at the customer's
            TicketType.MAINTENANCE, Map.of(
                    REGISTERED, Set.of(SCHEDULED), SCHEDULED, Set.of(ON_SITE), ON_SITE, Set.of(MAINTAINED),
                    MAINTAINED, Set.of(CLOSED)));

    /** Values that satisfy every step, so only the flow itself can refuse. */
    private static TicketFields complete(TicketType type, ReturnReason reason) {
        return new TicketFields(type, ComplaintCategory.QUALITY, Severity.MINOR, "电机异响", "motor hums",
                "SN-1", "PO-1", "P-1", LocalDate.of(2025, 1, 2), 10, 2, "replace", "bearing", "制造中心",
                "exchange the lot", WarrantyDecision.IN_WARRANTY, Charge.FREE, true, true, false,
                Instant.parse("2025-01-03T02:00:00Z"), reason, LocalDate.of(2025, 1, 6));
    }

    @ParameterizedTest
    @EnumSource(TicketType.class)
    void allowsExactlyTheStepsOfTheRegulations(TicketType type) {
        for (TicketStatus from : TicketStatus.values()) {
            for (TicketStatus to : TicketStatus.values()) {
                Set<TicketStatus> allowed = from == DRAFT ? Set.of(REGISTERED, CLOSED)
                        : EXPECTED.get(type).getOrDefault(from, Set.of());
                boolean expected = allowed.contains(to);
                assertThat(TicketFlow.targets(type, from).contains(to))
                        .as("%s %s -> %s", type, from, to).isEqualTo(expected);
                var reason = to == CLOSED && from == ASSESSED ? ReturnReason.OUT_OF_WARRANTY
                        : ReturnReason.INTACT_IN_WARRANTY_WITH_CONSENT;
                if (expected) {
                    assertThatCode(() -> TicketFlow.check(from, to, complete(type, reason), "note"))
                            .as("%s %s -> %s", type, from, to).doesNotThrowAnyException();
                } else {
                    assertThatThrownBy(() -> TicketFlow.check(from, to, complete(type, reason), "note"))
                            .as("%s %s -> %s", type, from, to).isInstanceOf(ConflictException.class);
                }
            }
        }
    }

    @Test
    void closedIsFinalForEveryType() {
        for (TicketType type : TicketType.values()) {
            assertThat(TicketFlow.targets(type, CLOSED)).isEmpty();
        }
    }

    @Test
    void anUntypedDraftCanOnlyBeRegisteredOrClosed() {
        assertThat(TicketFlow.targets(null, DRAFT)).containsExactlyInAnyOrder(REGISTERED, CLOSED);
        assertThat(TicketFlow.targets(null, REGISTERED)).isEmpty();
    }

    @Test
    void registeringAComplaintNeedsCategoryAndSeverity() {
        var fields = TicketFields.NONE.withType(TicketType.COMPLAINT)
                .with(new TicketFields(null, null, null, null, "broken", null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, null, null));
        assertThat(TicketFlow.missingFields(DRAFT, REGISTERED, fields, null)).containsExactly("category", "severity");
        assertThatThrownBy(() -> TicketFlow.check(DRAFT, REGISTERED, fields, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("category");
    }

    @Test
    void registeringNeedsATypeAndADescription() {
        assertThat(TicketFlow.missingFields(DRAFT, REGISTERED, TicketFields.NONE, null))
                .containsExactly("type", "description");
    }

    @Test
    void verifyingAComplaintNeedsTheOrderDetailsOfSeed000() {
        var fields = TicketFields.NONE.withType(TicketType.COMPLAINT);
        assertThat(TicketFlow.missingFields(REGISTERED, VERIFIED, fields, null)).containsExactly(
                "orderNo", "partNo", "shipDate", "quantity", "defectQuantity", "customerDemand");
    }

    @Test
    void moreDefectsThanPiecesIsRefused() {
        var fields = complete(TicketType.COMPLAINT, null).with(new TicketFields(null, null, null, null, null, null,
                null, null, null, 3, 5, null, null, null, null, null, null, null, null, null, null, null));
        assertThatThrownBy(() -> TicketFlow.check(REGISTERED, VERIFIED, fields, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("defect");
    }

    @Test
    void analysisNeedsCauseAndResponsibleDepartment() {
        assertThat(TicketFlow.missingFields(VERIFIED, ANALYSED, TicketFields.NONE.withType(TicketType.COMPLAINT), null))
                .containsExactly("cause", "responsibleDepartment");
    }

    @Test
    void reopeningNeedsTheCustomersReason() {
        var fields = complete(TicketType.COMPLAINT, null);
        assertThat(TicketFlow.missingFields(CUSTOMER_INFORMED, REOPENED, fields, " ")).containsExactly("note");
        assertThat(TicketFlow.missingFields(CUSTOMER_INFORMED, REOPENED, fields, "still noisy")).isEmpty();
    }

    @Test
    void diagnosingARepairNeedsWarrantyChargeStockAndVisit() {
        assertThat(TicketFlow.missingFields(REGISTERED, DIAGNOSED, TicketFields.NONE.withType(TicketType.REPAIR), null))
                .containsExactly("warranty", "charge", "partsInStock", "onSiteVisit");
    }

    @Test
    void goingOnSiteNeedsAPlannedVisit() {
        var noVisit = complete(TicketType.REPAIR, null).with(new TicketFields(null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, false, null, null, null));
        assertThat(TicketFlow.missingFields(DIAGNOSED, ON_SITE, noVisit, null)).hasSize(1);
    }

    @Test
    void aRefusedReturnIsClosedNotImplementedAndAnEligibleOneTheOtherWayRound() {
        var refused = complete(TicketType.RETURN_EXCHANGE, ReturnReason.DISASSEMBLED_OR_MODIFIED);
        var eligible = complete(TicketType.RETURN_EXCHANGE, ReturnReason.TRANSPORT_DAMAGE);
        assertThatThrownBy(() -> TicketFlow.check(ASSESSED, IMPLEMENTED, refused, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("6.4");
        assertThatCode(() -> TicketFlow.check(ASSESSED, CLOSED, refused, null)).doesNotThrowAnyException();
        assertThatThrownBy(() -> TicketFlow.check(ASSESSED, CLOSED, eligible, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> TicketFlow.check(ASSESSED, IMPLEMENTED, eligible, null)).doesNotThrowAnyException();
    }

    @Test
    void assessingAReturnNeedsAReasonCode() {
        assertThat(TicketFlow.missingFields(REGISTERED, ASSESSED,
                TicketFields.NONE.withType(TicketType.RETURN_EXCHANGE), null)).containsExactly("returnReason");
    }

    @Test
    void closingADraftOrAnInquiryNeedsANote() {
        assertThat(TicketFlow.missingFields(DRAFT, CLOSED, TicketFields.NONE, null)).containsExactly("note");
        assertThat(TicketFlow.missingFields(REGISTERED, CLOSED, TicketFields.NONE.withType(TicketType.INQUIRY), null))
                .containsExactly("note");
    }

    @Test
    void everyTypeReachesClosed() {
        for (TicketType type : TicketType.values()) {
            assertThat(TicketFlow.statuses(type)).contains(REGISTERED, CLOSED);
        }
        assertThat(TicketFlow.statuses(TicketType.COMPLAINT)).containsAll(EnumSet.of(VERIFIED, ANALYSED,
                SOLUTION_AGREED, IMPLEMENTED, CUSTOMER_INFORMED, REOPENED));
    }

    @Test
    void installationAndMaintenanceNeedTheProductTheAppointmentAndTheRecordOfEachVisit() {
        for (TicketType type : new TicketType[] {TicketType.INSTALLATION, TicketType.MAINTENANCE}) {
            var typed = TicketFields.NONE.withType(type);
            assertThat(TicketFlow.missingFields(DRAFT, REGISTERED, typed, null))
                    .as("%s", type).containsExactly("description", "productSerial");
            assertThat(TicketFlow.missingFields(REGISTERED, SCHEDULED, typed, null)).containsExactly("appointmentOn");
        }
        var installation = TicketFields.NONE.withType(TicketType.INSTALLATION);
        assertThat(TicketFlow.missingFields(SCHEDULED, INSTALLED, installation, " ")).containsExactly("note");
        assertThat(TicketFlow.missingFields(INSTALLED, HANDED_OVER, installation, null)).containsExactly("note");
        assertThat(TicketFlow.missingFields(ON_SITE, MAINTAINED, TicketFields.NONE.withType(TicketType.MAINTENANCE),
                null)).containsExactly("note");
    }
}
