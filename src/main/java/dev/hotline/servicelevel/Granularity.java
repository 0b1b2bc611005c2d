package dev.hotline.servicelevel;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The interval a report counts in, in the hotline's time zone; labels sort in time order. */
public enum Granularity {
    QUARTER_HOUR("CONCAT(DATE_FORMAT(%1$s, '%%Y-%%m-%%d %%H:'), LPAD((MINUTE(%1$s) DIV 15) * 15, 2, '0'))",
            "yyyy-MM-dd HH:mm"),
    HOUR("DATE_FORMAT(%1$s, '%%Y-%%m-%%d %%H:00')", "yyyy-MM-dd HH:00"),
    DAY("DATE_FORMAT(%1$s, '%%Y-%%m-%%d')", "yyyy-MM-dd"),
    MONTH("DATE_FORMAT(%1$s, '%%Y-%%m')", "yyyy-MM");

    private final String sql;
    private final DateTimeFormatter label;

    Granularity(String sql, String label) {
        this.sql = sql;
        this.label = DateTimeFormatter.ofPattern(label);
    }

    /** SQL giving the interval label of the local date-time expression {@code local}. */
    String sqlLabel(String local) {
        return sql.formatted(local);
    }

    /** The start of the interval holding {@code t}. */
    LocalDateTime floor(LocalDateTime t) {
        return switch (this) {
            case QUARTER_HOUR -> t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / 15 * 15);
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case MONTH -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
        };
    }

    LocalDateTime next(LocalDateTime start) {
        return switch (this) {
            case QUARTER_HOUR -> start.plusMinutes(15);
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** This granularity's label of the interval holding the finer interval {@code label} (intervals nest). */
    String labelOf(String label) {
        return switch (this) {
            case QUARTER_HOUR -> label;
            case HOUR -> label.substring(0, 13) + ":00";
            case DAY -> label.substring(0, 10);
            case MONTH -> label.substring(0, 7);
        };
    }

    String label(LocalDateTime t) {
        return label.format(floor(t));
    }
}
