package dev.hotline.routing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A queue as routing and the three-ring escalation use it.
 *
 * @param skills       skill name to the lowest level an agent needs (a widened contact rings agents at any level)
 * @param ringNoAnswer how long an offer rings before it is withdrawn and the agent paused
 * @param ringPeriod   one ringback cadence period (the unit of the three-ring rule)
 * @param alertRing    at the start of this ring, with no agent reserved, supervisors are alerted
 * @param widenRing    at the start of this ring every free agent with the skill at any level is rung
 * @param overflowRing at the start of this ring a contact still unanswered goes to the on-call target
 */
public record QueueSettings(String name, Map<String, Integer> skills, RoutingStrategy strategy, Duration ringNoAnswer,
                            Duration ringPeriod, int alertRing, int widenRing, int overflowRing, ZoneId zone,
                            List<OnCallShift> onCall) {

    public QueueSettings {
        skills = Map.copyOf(skills);
        onCall = List.copyOf(onCall);
    }

    /** Whether the agent serves this queue: every required skill at the required level (widening aside). */
    public boolean servedBy(AgentProfile agent) {
        return RoutingPolicy.qualifies(agent.skills(), skills);
    }

    /** The on-call phone for a contact overflowing at {@code at}: the first shift covering that local time. */
    public Optional<String> onCallTarget(Instant at) {
        var local = at.atZone(zone);
        return onCall.stream().filter(s -> s.covers(local)).map(OnCallShift::phone).findFirst();
    }
}
