package dev.hotline.ticket;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadline arithmetic: working days across weekends, holidays, make-up days (调休) and time zones. */
class SlaCalendarTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    // 2025 National Day: 1–8 October off, Sunday 28 September and Saturday 11 October worked
    private static final BusinessCalendar CHINA_2025 = new BusinessCalendar(SHANGHAI, WEEKEND,
            Set.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 3),
                    LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 7), LocalDate.of(2025, 10, 8)),
            Set.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11)));

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void threeWorkingDaysFromTuesdayEndOnFriday() {
        assertThat(CHINA_2025.plusWorkingDays(shanghai("2025-09-16T10:30"), 3)).isEqualTo(shanghai("2025-09-19T10:30"));
    }

    @Test
    void weekendDaysAreSkipped() {
        assertThat(CHINA_2025.plusWorkingDays(shanghai("2025-09-18T15:00"), 3)).isEqualTo(shanghai("2025-09-23T15:00"));
    }

    @Test
    void aRequestOnSaturdayStartsCountingOnMonday() {
        // clock starts Monday 00:00; three working days later is Thursday 00:00, i.e. the end of Wednesday
        assertThat(CHINA_2025.plusWorkingDays(shanghai("2025-09-20T22:00"), 3)).isEqualTo(shanghai("2025-09-25T00:00"));
    }

    @Test
    void aMakeUpSundayIsAWorkingDay() {
        assertThat(CHINA_2025.isWorkingDay(LocalDate.of(2025, 9, 28))).isTrue();
        // Friday 26 Sep + 1 working day = Sunday 28 Sep (调休), not Monday
        assertThat(CHINA_2025.plusWorkingDays(shanghai("2025-09-26T09:00"), 1)).isEqualTo(shanghai("2025-09-28T09:00"));
    }

    @Test
    void theNationalDayHolidayIsSkipped() {
        // Tuesday 30 Sep: next working days are Thu 9 Oct, Fri 10 Oct, Sat 11 Oct (调休)
        assertThat(CHINA_2025.plusWorkingDays(shanghai("2025-09-30T16:00"), 3)).isEqualTo(shanghai("2025-10-11T16:00"));
        assertThat(CHINA_2025.isWorkingDay(LocalDate.of(2025, 10, 1))).isFalse();
    }

    @Test
    void workingDaysAreCountedInTheCompanysZoneNotUtc() {
        // Friday 23:30 in Shanghai is still Friday 15:30 UTC, but the company's Friday ends at midnight Shanghai time
        Instant fridayLate = shanghai("2025-09-19T23:30");
        assertThat(CHINA_2025.plusWorkingDays(fridayLate, 1)).isEqualTo(shanghai("2025-09-22T23:30"));
        // 01:00 Saturday in Shanghai is Friday 17:00 UTC: already the weekend for the company
        Instant saturdayEarly = Instant.parse("2025-09-19T17:00:00Z");
        assertThat(CHINA_2025.plusWorkingDays(saturdayEarly, 1)).isEqualTo(shanghai("2025-09-23T00:00"));
    }

    @Test
    void aCompanyElsewhereUsesItsOwnZoneAndDaylightSaving() {
        var berlin = new BusinessCalendar(ZoneId.of("Europe/Berlin"), WEEKEND, Set.of(), Set.of());
        // Friday 24 Oct 2025 10:00 CEST + 1 working day = Monday 27 Oct 10:00 CET: 73 h, clocks went back
        Instant start = LocalDateTime.parse("2025-10-24T10:00").atZone(ZoneId.of("Europe/Berlin")).toInstant();
        Instant due = berlin.plusWorkingDays(start, 1);
        assertThat(Duration.between(start, due)).isEqualTo(Duration.ofHours(73));
    }

    @Test
    void aSixDayWeekCountsSaturday() {
        var sixDays = new BusinessCalendar(SHANGHAI, EnumSet.of(DayOfWeek.SUNDAY), Set.of(), Set.of());
        assertThat(sixDays.plusWorkingDays(shanghai("2025-09-19T10:00"), 1)).isEqualTo(shanghai("2025-09-20T10:00"));
    }

    @Test
    void slaTimesParseDurationsAndWorkingDays() {
        assertThat(SlaTime.valueOf("2h").duration()).isEqualTo(Duration.ofHours(2));
        assertThat(SlaTime.valueOf("30m").duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(SlaTime.valueOf("3d").duration()).isEqualTo(Duration.ofDays(3));
        assertThat(SlaTime.valueOf("PT36H").duration()).isEqualTo(Duration.ofHours(36));
        assertThat(SlaTime.valueOf("3wd").workingDays()).isEqualTo(3);
        assertThatThrownBy(() -> SlaTime.valueOf("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlaTime.valueOf("3y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void slaPolicyFollowsSpecSection5() {
        var policy = new SlaPolicy(TicketProperties.defaults().sla(), CHINA_2025);
        Instant opened = shanghai("2025-09-16T10:00");
        Instant registered = shanghai("2025-09-16T10:05");

        assertThat(policy.onOpen(opened)).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(DeadlineKind.RESPONSE);
            assertThat(p.dueAt()).isEqualTo(opened.plus(Duration.ofHours(2)));
            assertThat(p.nearAt()).isEqualTo(opened.plus(Duration.ofMinutes(96)));
        });

        var majorComplaint = TicketFields.NONE.withType(TicketType.COMPLAINT).withSeverity(Severity.MAJOR);
        assertThat(policy.onEnter(TicketStatus.REGISTERED, majorComplaint, opened, registered))
                .extracting(SlaPolicy.Plan::kind, SlaPolicy.Plan::dueAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.FEEDBACK, registered.plus(Duration.ofDays(3))),
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.RESOLUTION, registered.plus(Duration.ofHours(24))));

        var minorComplaint = majorComplaint.withSeverity(Severity.MINOR);
        assertThat(policy.onEnter(TicketStatus.REGISTERED, minorComplaint, opened, registered))
                .extracting(SlaPolicy.Plan::kind).containsExactly(DeadlineKind.FEEDBACK);

        var generalReturn = TicketFields.NONE.withType(TicketType.RETURN_EXCHANGE).withSeverity(Severity.MINOR);
        assertThat(policy.onEnter(TicketStatus.REGISTERED, generalReturn, opened, shanghai("2025-09-30T16:00")))
                .singleElement().satisfies(p -> assertThat(p.dueAt()).isEqualTo(shanghai("2025-10-11T16:00")));

        var emergency = TicketFields.NONE.withType(TicketType.EMERGENCY);
        assertThat(policy.onEnter(TicketStatus.REGISTERED, emergency, opened, registered))
                .singleElement().satisfies(p -> assertThat(p.dueAt()).isEqualTo(opened.plus(Duration.ofMinutes(30))));
    }

    @Test
    void repairDeadlinesDependOnStockAndSite() {
        var policy = new SlaPolicy(TicketProperties.defaults().sla(), CHINA_2025);
        Instant opened = shanghai("2025-09-16T10:00");
        Instant diagnosed = shanghai("2025-09-16T12:00");
        var repair = new TicketFields(TicketType.REPAIR, null, null, null, null, "SN", null, null, null, null, null,
                null, null, null, null, WarrantyDecision.IN_WARRANTY, dev.hotline.customer.Charge.FREE, false, true, true, null, null);

        assertThat(policy.onEnter(TicketStatus.DIAGNOSED, repair, opened, diagnosed))
                .extracting(SlaPolicy.Plan::kind, SlaPolicy.Plan::dueAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.RESOLUTION, diagnosed.plus(Duration.ofDays(15))),
                        org.assertj.core.groups.Tuple.tuple(DeadlineKind.ON_SITE_ARRIVAL, opened.plus(Duration.ofHours(36))));

        Instant arrived = shanghai("2025-09-17T08:00");
        var onSite = repair.with(new TicketFields(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, arrived, null));
        assertThat(policy.onEnter(TicketStatus.ON_SITE, onSite, opened, arrived.plusSeconds(60)))
                .singleElement().satisfies(p -> assertThat(p.dueAt()).isEqualTo(arrived.plus(Duration.ofHours(2))));
        assertThat(policy.onEnter(TicketStatus.REPLACEMENT_PENDING, onSite, opened, arrived.plusSeconds(9000)))
                .singleElement().satisfies(p -> assertThat(p.dueAt()).isEqualTo(arrived.plus(Duration.ofHours(72))));
        assertThat(SlaPolicy.stoppedBy(TicketStatus.ON_SITE, TicketStatus.FIXED))
                .contains(DeadlineKind.ON_SITE_FIX, DeadlineKind.RESPONSE).doesNotContain(DeadlineKind.RESOLUTION);
        assertThat(SlaPolicy.stoppedBy(TicketStatus.DRAFT, TicketStatus.REGISTERED)).isEmpty();
    }

    @Test
    void nearFractionOutsideZeroToOneIsRefused() {
        var d = TicketProperties.defaults().sla();
        assertThatThrownBy(() -> new TicketProperties.Sla(d.response(), d.feedback(), null, d.repairPartsInStock(),
                d.repairPartsMissing(), d.onSiteArrival(), d.onSiteArrivalRemote(), d.onSiteFix(), d.replacement(),
                d.managementReport(), 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(d.nearFraction())).containsExactly(0.8);
    }
}
