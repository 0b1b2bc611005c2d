package dev.hotline.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationPropertiesTests {

    @Test
    void aRuleSetInConfigurationReplacesOnlyItsOwnAudience() {
        var properties = new NotificationProperties(null, 0, null, null, 0, null, null,
                Map.of(Notice.Rule.DEADLINE_NEAR, Set.of(Audience.OWNER)));

        assertThat(properties.audiences().get(Notice.Rule.DEADLINE_NEAR)).containsExactly(Audience.OWNER);
        assertThat(properties.audiences().get(Notice.Rule.COMPLAINT_REOPENED))
                .containsExactlyInAnyOrder(Audience.GENERAL_MANAGER, Audience.OWNER);
        assertThat(properties.audiences()).containsOnlyKeys(Notice.Rule.values());
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongestWait() {
        var properties = new NotificationProperties(null, 0, Duration.ofSeconds(30), Duration.ofMinutes(2), 0, null,
                null, null);

        assertThat(properties.backOff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backOff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.backOff(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.backOff(4)).isEqualTo(Duration.ofSeconds(120));
        assertThat(properties.backOff(60)).isEqualTo(Duration.ofSeconds(120));
    }
}
