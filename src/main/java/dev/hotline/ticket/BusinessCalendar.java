package dev.hotline.ticket;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Working days of the company: Monday to Friday unless configured otherwise, minus public holidays, plus make-up
 * working days (调休, a Saturday or Sunday worked to bridge a holiday). Pure arithmetic in the company's zone.
 */
public record BusinessCalendar(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays,
                               Set<LocalDate> makeUpWorkdays) {

    public BusinessCalendar {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        weekend = weekend == null ? Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : Set.copyOf(weekend);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
        makeUpWorkdays = makeUpWorkdays == null ? Set.of() : Set.copyOf(makeUpWorkdays);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }

    /**
     * The same local time {@code days} working days later. A clock started on a day off starts at the beginning of the
     * next working day, so a request on Saturday with 3 working days is due at the end of Wednesday (Thursday 00:00).
     */
    public Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime local = start.atZone(zone);
        LocalDate day = local.toLocalDate();
        var time = local.toLocalTime();
        if (!isWorkingDay(day)) {
            day = nextWorkingDay(day);
            time = java.time.LocalTime.MIDNIGHT;
        }
        for (int i = 0; i < days; i++) {
            day = nextWorkingDay(day);
        }
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The calendar day in the company's zone (ticket numbers count per local day). */
    public LocalDate dayOf(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }

    private LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        // bounded: a year without a working day is a configuration error, not a reason to loop forever
        for (int i = 0; i < 366 && !isWorkingDay(next); i++) {
            next = next.plusDays(1);
        }
        return next;
    }
}
