package dev.hotline.servicelevel;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** "Today" for the wallboard: starts at {@code resetAt} local time in {@code zone} (default 00:00 Asia/Shanghai). */
record StatsDay(ZoneId zone, LocalTime resetAt) {

    static final Duration SLOT = Duration.ofMinutes(15);

    /** The business day {@code at} belongs to. */
    LocalDate of(Instant at) {
        var local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        return local.toLocalTime().isBefore(resetAt) ? day.minusDays(1) : day;
    }

    Instant start(LocalDate day) {
        return day.atTime(resetAt).atZone(zone).toInstant();
    }

    /** The 15-minute slot of the day {@code at} falls in (0-based). */
    int slot(Instant at) {
        return (int) (Duration.between(start(of(at)), at).toMillis() / SLOT.toMillis());
    }
}
