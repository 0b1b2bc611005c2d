package dev.hotline.routing;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * Who takes a queue's overflow at a time of day: on {@code days}, from {@code from} (inclusive) to {@code to}
 * (exclusive) in the queue's zone. A shift whose {@code to} is not after {@code from} runs over midnight and belongs
 * to the day it starts on.
 */
public record OnCallShift(Set<DayOfWeek> days, LocalTime from, LocalTime to, String phone) {

    public OnCallShift {
        days = Set.copyOf(days);
    }

    public boolean covers(ZonedDateTime at) {
        LocalTime t = at.toLocalTime();
        if (from.isBefore(to)) {
            return days.contains(at.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
        }
        // over midnight (or all day when from == to)
        return days.contains(at.getDayOfWeek()) && !t.isBefore(from)
                || days.contains(at.getDayOfWeek().minus(1)) && t.isBefore(to);
    }
}
