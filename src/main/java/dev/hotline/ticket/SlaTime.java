package dev.hotline.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A deadline length as configured: a clock duration ({@code 2h}, {@code 30m}, {@code 3d}, ISO {@code PT2H}) or
 * working days ({@code 3wd}) counted on the business calendar.
 */
public record SlaTime(Duration duration, int workingDays) {

    public SlaTime {
        if ((duration == null) == (workingDays <= 0)) {
            throw new IllegalArgumentException("An SLA time is either a duration or a positive number of working days");
        }
    }

    public static SlaTime of(Duration duration) {
        return new SlaTime(duration, 0);
    }

    public static SlaTime workingDays(int days) {
        return new SlaTime(null, days);
    }

    /** Parses {@code 2h}, {@code 30m}, {@code 3d}, {@code 3wd} or an ISO-8601 duration; used by configuration binding. */
    public static SlaTime valueOf(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("wd")) {
                return workingDays(Integer.parseInt(t.substring(0, t.length() - 2)));
            }
            if (t.startsWith("p")) {
                return of(Duration.parse(text.strip()));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 'd' -> of(Duration.ofDays(n));
                case 'h' -> of(Duration.ofHours(n));
                case 'm' -> of(Duration.ofMinutes(n));
                case 's' -> of(Duration.ofSeconds(n));
                default -> throw new IllegalArgumentException("Unknown unit in SLA time '" + text + "'");
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + text + "' is not an SLA time (e.g. 2h, 30m, 3d, 3wd)", e);
        }
    }

    /** When a clock started at {@code start} runs out. */
    public Instant after(Instant start, BusinessCalendar calendar) {
        return duration != null ? start.plus(duration) : calendar.plusWorkingDays(start, workingDays);
    }

    @Override
    public String toString() {
        return duration != null ? duration.toString() : workingDays + "wd";
    }
}
