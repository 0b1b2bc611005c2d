package dev.hotline.servicelevel;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The three-ring service level and the wallboard's day.
 *
 * @param targetRings     a call answered within this many rings is answered in time (the company rule: three)
 * @param shortAbandon    callers who hang up sooner are left out of the service level (they gave no chance)
 * @param target          the service level supervisors are alerted under (rolling 15 minutes)
 * @param alertMinOffered no alert before this many calls counted in the 15 minutes
 * @param dayZone         where "today" is
 * @param dayReset        when "today" starts there
 */
@ConfigurationProperties("hotline.servicelevel")
public record ServiceLevelProperties(int targetRings, Duration shortAbandon, double target, int alertMinOffered,
                                     ZoneId dayZone, LocalTime dayReset) {

    public ServiceLevelProperties {
        targetRings = targetRings <= 0 ? 3 : targetRings;
        shortAbandon = shortAbandon == null ? Duration.ofSeconds(5) : shortAbandon;
        target = target <= 0 ? 0.9 : target;
        alertMinOffered = alertMinOffered <= 0 ? 3 : alertMinOffered;
        dayZone = dayZone == null ? ZoneId.of("Asia/Shanghai") : dayZone;
        dayReset = dayReset == null ? LocalTime.MIDNIGHT : dayReset;
    }
}
