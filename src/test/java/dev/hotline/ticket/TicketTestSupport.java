package dev.hotline.ticket;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for what asynchronous listeners do. */
final class TicketTestSupport {

    private TicketTestSupport() {
    }

    static <T> T await(Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            var value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Nothing appeared within 15 s");
    }
}
