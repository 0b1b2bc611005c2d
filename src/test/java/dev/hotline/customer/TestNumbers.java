package dev.hotline.customer;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Unique phone numbers and serials per test: the test database is shared by every test class in the JVM. */
final class TestNumbers {

    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000L, 90_000_000L));

    private TestNumbers() {
    }

    /** A Chinese mobile number, written nationally: 139xxxxxxxx. */
    static String mobile() {
        return "139" + NEXT.incrementAndGet();
    }

    /** A landline in area 0795 with an 8-digit local number, written nationally: 0795-xxxxxxxx. */
    static String landline() {
        return "0795-" + (NEXT.incrementAndGet() % 90_000_000L + 10_000_000L);
    }

    static String serial() {
        return "SN-" + Long.toString(System.nanoTime(), 36).toUpperCase() + "-" + NEXT.incrementAndGet();
    }

    static String e164(String nationalMobile) {
        return "+86" + nationalMobile.replaceAll("\\D", "").replaceFirst("^0", "");
    }
}
