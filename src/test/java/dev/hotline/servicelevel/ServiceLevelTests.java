package dev.hotline.servicelevel;

import dev.hotline.contact.ContactOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLevelTests {

    static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    @Test
    void answeredWithinThreeRingsOverOfferedExcludingShortAbandons() {
        var outcomes = List.of(
                answered("hotline", "ann", 1), answered("hotline", "ann", 3), answered("hotline", "bob", 4),
                abandoned("hotline", 3), abandoned("hotline", 20), overflowed("hotline"),
                answered("repairs", "bob", 1));
        var level = ServiceLevel.ofQueue(outcomes, "hotline", 3, Duration.ofSeconds(5));
        assertThat(level.offered()).isEqualTo(5);           // the 3 s abandon does not count
        assertThat(level.answeredInTime()).isEqualTo(2);
        assertThat(level.ratio()).isEqualTo(0.4);
        var bob = ServiceLevel.ofAgent(outcomes, "bob", 3, Duration.ofSeconds(5));
        assertThat(bob.offered()).isEqualTo(2);
        assertThat(bob.answeredInTime()).isEqualTo(1);
    }

    @Test
    void nothingOfferedIsFullServiceLevel() {
        assertThat(ServiceLevel.of(List.of(abandoned("q", 1)), 3, Duration.ofSeconds(5)).ratio()).isEqualTo(1.0);
    }

    private static ServiceLevel.Outcome answered(String queue, String agent, int rings) {
        return new ServiceLevel.Outcome(queue, agent, ContactOutcome.ANSWERED, T, T.plusSeconds(60), rings);
    }

    private static ServiceLevel.Outcome abandoned(String queue, int seconds) {
        return new ServiceLevel.Outcome(queue, null, ContactOutcome.ABANDONED, T, T.plusSeconds(seconds), null);
    }

    private static ServiceLevel.Outcome overflowed(String queue) {
        return new ServiceLevel.Outcome(queue, null, ContactOutcome.OVERFLOWED, T, T.plusSeconds(15), null);
    }
}
