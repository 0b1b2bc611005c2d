package dev.hotline.followup;

import dev.hotline.ticket.BusinessCalendar;
import dev.hotline.ticket.TicketProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Set;

/**
 * The ticket module's business calendar (zone, weekends, holidays, 调休) as follow-up uses it: local days for due
 * dates, and the day the monthly report is due.
 */
@Component
public class FollowupCalendar {

    private final BusinessCalendar calendar;
    private final int reportDay;

    FollowupCalendar(TicketProperties tickets, FollowupProperties properties) {
        var c = tickets.calendar();
        this.calendar = new BusinessCalendar(c.zone(), c.weekend(),
                c.holidays() == null ? Set.of() : Set.copyOf(c.holidays()),
                c.makeUpWorkdays() == null ? Set.of() : Set.copyOf(c.makeUpWorkdays()));
        this.reportDay = properties.reportDay();
    }

    public ZoneId zone() {
        return calendar.zone();
    }

    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(calendar.zone()));
    }

    /**
     * The day the report of {@code month}'s previous month is due: the configured day of {@code month}, moved earlier
     * while it is not a working day (a report due on a Sunday is ready on Friday). Never before the 1st.
     */
    public LocalDate reportDueIn(YearMonth month) {
        LocalDate day = month.atDay(reportDay);
        while (!calendar.isWorkingDay(day) && day.getDayOfMonth() > 1) {
            day = day.minusDays(1);
        }
        return day;
    }
}
