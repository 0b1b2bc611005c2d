package dev.hotline.shared;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts rings the way a caller hears them: one ring is one ringback cadence period (China: 1 s on + 4 s off = 5 s).
 * Ring 1 starts at arrival; a call answered 0..5 s after arrival is answered on ring 1, 5..10 s on ring 2, and so on
 * (rings-to-answer = ceil(wait / period), at least 1).
 */
public record RingClock(Duration period) {

    public static final Duration CHINA_RINGBACK = Duration.ofSeconds(5);

    public RingClock {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("ring period must be positive, was " + period);
        }
    }

    /** The ring the caller is hearing at {@code now} (1-based). */
    public int ringAt(Instant arrivedAt, Instant now) {
        long waited = Math.max(0, Duration.between(arrivedAt, now).toMillis());
        return (int) (waited / period.toMillis()) + 1;
    }

    /** Rings heard before the answer: ceil(wait / period), and at least 1. */
    public int ringsToAnswer(Instant arrivedAt, Instant answeredAt) {
        long waited = Math.max(0, Duration.between(arrivedAt, answeredAt).toMillis());
        long p = period.toMillis();
        return (int) Math.max(1, (waited + p - 1) / p);
    }

    /** When ring {@code ring} (1-based) begins. */
    public Instant startOfRing(Instant arrivedAt, int ring) {
        return arrivedAt.plus(period.multipliedBy(Math.max(0, ring - 1)));
    }
}
