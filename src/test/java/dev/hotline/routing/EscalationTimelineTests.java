package dev.hotline.routing;

import dev.hotline.routing.RedisRoutingStore.Escalation;
import dev.hotline.shared.Channel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** When the three-ring steps are due (routing's timers run them; see the routing system and telephony tests). */
class EscalationTimelineTests {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final QueueSettings QUEUE = new QueueSettings("hotline", Map.of(), RoutingStrategy.LONGEST_IDLE,
            Duration.ofSeconds(15), Duration.ofSeconds(5), 2, 3, 4, ZoneId.of("Asia/Shanghai"), List.of());

    @Test
    void stepsBeginAtTheStartOfTheirRings() {
        assertThat(EscalationTimeline.of(QUEUE, Channel.VOICE, T0)).isEqualTo(new Escalation(
                T0.plusSeconds(5).toEpochMilli(), T0.plusSeconds(10).toEpochMilli(), T0.plusSeconds(15).toEpochMilli()));
    }

    @Test
    void textLettersAndVisitsAreNeverEscalatedByRings() {
        for (Channel channel : Channel.values()) {
            if (!channel.isVoice()) {
                assertThat(EscalationTimeline.of(QUEUE, channel, T0)).isEqualTo(Escalation.NONE);
            }
        }
    }
}
