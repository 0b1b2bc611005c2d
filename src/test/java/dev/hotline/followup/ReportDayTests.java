package dev.hotline.followup;

import dev.hotline.ticket.TicketProperties;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The report day moves earlier onto a working day of the ticket module's business calendar. */
class ReportDayTests {

    private static FollowupCalendar calendar(int day, List<LocalDate> holidays, List<LocalDate> makeUp) {
        var d = TicketProperties.defaults();
        var tickets = new TicketProperties(d.firstFixWindow(), d.watchInterval(), d.sla(),
                new TicketProperties.Calendar(ZoneId.of("Asia/Shanghai"), Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                        holidays, makeUp), d.noRequestCodes());
        var followup = new FollowupProperties(6, 12, 14, null, 5, "0 30 1 * * *", day,
                new FollowupProperties.Survey(100, 60, 0, null, 60, 90, Duration.ofDays(7), "", "", ""));
        return new FollowupCalendar(tickets, followup);
    }

    @Test
    void aWorkingDayStays() {
        // 2026-12-28 is a Monday
        assertThat(calendar(28, List.of(), List.of()).reportDueIn(YearMonth.of(2026, 12)))
                .isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void aWeekendMovesToTheFridayBefore() {
        // 2026-11-28 is a Saturday
        assertThat(calendar(28, List.of(), List.of()).reportDueIn(YearMonth.of(2026, 11)))
                .isEqualTo(LocalDate.of(2026, 11, 27));
    }

    @Test
    void holidaysMoveItFurtherAndAMakeUpDayCounts() {
        var holidays = List.of(LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 24));
        // 2026-09-28 is a Monday... make it a holiday too: Sun 27, Sat 26 weekend, 25 and 24 holidays -> Wed 23
        var withMonday = new java.util.ArrayList<>(holidays);
        withMonday.add(LocalDate.of(2026, 9, 28));
        assertThat(calendar(28, withMonday, List.of()).reportDueIn(YearMonth.of(2026, 9)))
                .isEqualTo(LocalDate.of(2026, 9, 23));
        // the Sunday before is a 调休 working day
        assertThat(calendar(28, withMonday, List.of(LocalDate.of(2026, 9, 27))).reportDueIn(YearMonth.of(2026, 9)))
                .isEqualTo(LocalDate.of(2026, 9, 27));
    }
}
