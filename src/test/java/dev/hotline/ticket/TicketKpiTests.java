package dev.hotline.ticket;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.hotline.ticket.TicketKpiCalculator.Fact;
import static org.assertj.core.api.Assertions.assertThat;

/** KPI arithmetic on a known fixture. */
class TicketKpiTests {

    private static final Instant FROM = Instant.parse("2025-09-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2025-10-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2025-10-05T00:00:00Z");
    private static final Instant DUE = Instant.parse("2025-09-10T10:00:00Z");

    private static Fact complaint(TicketStatus status, int reopened, Instant respondedAt) {
        return new Fact(TicketType.COMPLAINT, status, reopened, DUE, respondedAt, false);
    }

    private static Fact repair(TicketStatus status, boolean repeated) {
        return new Fact(TicketType.REPAIR, status, 0, DUE, DUE.minusSeconds(60), repeated);
    }

    @Test
    void computesComplaintAndRepairRatesOfSpecSection7() {
        var facts = List.of(
                complaint(TicketStatus.CLOSED, 0, DUE.minusSeconds(3600)),     // in time, resolved first time
                complaint(TicketStatus.CLOSED, 0, DUE),                        // exactly at the deadline: in time
                complaint(TicketStatus.CLOSED, 1, DUE.minusSeconds(10)),       // in time, but reopened once
                complaint(TicketStatus.ANALYSED, 0, DUE.plusSeconds(1)),       // late
                complaint(TicketStatus.REGISTERED, 0, null),                   // never responded, now overdue: late
                repair(TicketStatus.CLOSED, false),
                repair(TicketStatus.CLOSED, false),
                repair(TicketStatus.CLOSED, false),
                repair(TicketStatus.CLOSED, true),                             // repeat within the window
                repair(TicketStatus.FIXED, false),                             // not closed: not measured
                new Fact(TicketType.INQUIRY, TicketStatus.CLOSED, 0, DUE, null, false));

        var kpis = TicketKpiCalculator.compute(FROM, TO, facts, 1000L, NOW, List.of());

        assertThat(kpis.complaints()).isEqualTo(5);
        assertThat(kpis.complaintsMeasuredForResponse()).isEqualTo(5);
        assertThat(kpis.complaintsRespondedInTime()).isEqualTo(3);
        assertThat(kpis.responseOnTimePercent()).isEqualTo(60.0);
        assertThat(kpis.complaintsClosed()).isEqualTo(3);
        assertThat(kpis.complaintsClosedPercent()).isEqualTo(60.0);
        assertThat(kpis.complaintsResolvedFirstTime()).isEqualTo(2);
        assertThat(kpis.resolutionPercent()).isEqualTo(66.67);
        assertThat(kpis.repairsClosed()).isEqualTo(4);
        assertThat(kpis.repairsFixedFirstTime()).isEqualTo(3);
        assertThat(kpis.firstTimeFixPercent()).isEqualTo(75.0);
        assertThat(kpis.complaintRatePercent()).isEqualTo(0.5);
    }

    @Test
    void aResponseClockStillRunningAndNotDueIsNotMeasuredYet() {
        var running = new Fact(TicketType.COMPLAINT, TicketStatus.REGISTERED, 0, NOW.plusSeconds(600), null, false);
        var kpis = TicketKpiCalculator.compute(FROM, TO, List.of(running), null, NOW, List.of());

        assertThat(kpis.complaints()).isEqualTo(1);
        assertThat(kpis.complaintsMeasuredForResponse()).isZero();
        assertThat(kpis.responseOnTimePercent()).isNull();
        assertThat(kpis.complaintsClosedPercent()).isEqualTo(0.0);
        assertThat(kpis.complaintRatePercent()).isNull();
    }

    @Test
    void anEmptyPeriodHasNoPercentages() {
        var kpis = TicketKpiCalculator.compute(FROM, TO, List.of(), 500L, NOW, List.of());
        assertThat(kpis.responseOnTimePercent()).isNull();
        assertThat(kpis.resolutionPercent()).isNull();
        assertThat(kpis.firstTimeFixPercent()).isNull();
        assertThat(kpis.complaintRatePercent()).isEqualTo(0.0);
    }
}
