package dev.hotline.servicelevel;

import java.util.List;
import java.util.Map;

/**
 * One wallboard tile. Service levels are 0..1, null when nothing counted yet; averages in seconds, null when none.
 *
 * @param agentsByState    logged-in agents serving the queue, by state name (OFFLINE agents are not counted)
 * @param serviceLevelSlots today's service level per 15-minute slot from the day start (null = nothing counted)
 * @param callbacksWaiting queued callbacks not yet called back (their callers left a number; not in {@code waiting})
 */
public record QueueFigures(String queue, long waiting, long longestWaitSeconds, int longestWaitRings,
                           Map<String, Long> agentsByState, Double serviceLevel15m, Double serviceLevelToday,
                           long offeredToday, long answeredToday, long abandonedToday, long overflowedToday,
                           Double averageSpeedOfAnswerSeconds, Double averageHandleTimeSeconds,
                           List<Double> serviceLevelSlots, long callbacksWaiting) {

    public QueueFigures(String queue, long waiting, long longestWaitSeconds, int longestWaitRings,
                        Map<String, Long> agentsByState, Double serviceLevel15m, Double serviceLevelToday,
                        long offeredToday, long answeredToday, long abandonedToday, long overflowedToday,
                        Double averageSpeedOfAnswerSeconds, Double averageHandleTimeSeconds,
                        List<Double> serviceLevelSlots) {
        this(queue, waiting, longestWaitSeconds, longestWaitRings, agentsByState, serviceLevel15m, serviceLevelToday,
                offeredToday, answeredToday, abandonedToday, overflowedToday, averageSpeedOfAnswerSeconds,
                averageHandleTimeSeconds, serviceLevelSlots, 0);
    }
}
