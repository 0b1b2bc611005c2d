package dev.hotline.routing;

import dev.hotline.shared.CustomerTier;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The pure routing rules: who waits ahead of whom, which agent serves which queue, which state changes are allowed. */
final class RoutingPolicy {

    /** Wide enough for any arrival time in millis (until year 2286), small enough to keep scores exact in a double. */
    static final long BAND = 10_000_000_000_000L;

    private RoutingPolicy() {
    }

    /**
     * A waiting contact's place in its queue: lower is served first. Major complaints first, then key customers,
     * then everyone else; within a band, first come first served. The score never changes on requeue, so a contact
     * re-offered after a reject or a missed ring keeps its place.
     */
    static long waitingScore(CustomerTier tier, boolean majorComplaint, long arrivedMillis) {
        int band = majorComplaint ? 0 : tier == CustomerTier.KEY ? 1 : 2;
        return band * BAND + arrivedMillis;
    }

    /** Has every skill the queue requires, at least at the required level. */
    static boolean qualifies(Map<String, Integer> agentSkills, Map<String, Integer> required) {
        return required.entrySet().stream()
                .allMatch(r -> agentSkills.getOrDefault(r.getKey(), 0) >= r.getValue());
    }

    /** Has every skill the queue requires at any level: rung when a contact is widened. */
    static boolean qualifiesWidened(Map<String, Integer> agentSkills, Map<String, Integer> required) {
        return required.keySet().stream().allMatch(s -> agentSkills.getOrDefault(s, 0) > 0);
    }

    /**
     * State changes an agent (or a supervisor for them) may ask for. RESERVED, BUSY and WRAP_UP's start are made by
     * routing itself; an agent whose console rings must accept or reject first, a BUSY agent must finish first.
     */
    static boolean allowsManual(AgentState from, AgentState to) {
        return MANUAL.getOrDefault(from, Set.of()).contains(to);
    }

    private static final Map<AgentState, Set<AgentState>> MANUAL = Map.of(
            AgentState.OFFLINE, EnumSet.of(AgentState.AVAILABLE),
            AgentState.AVAILABLE, EnumSet.of(AgentState.BREAK, AgentState.OFFLINE),
            AgentState.BREAK, EnumSet.of(AgentState.AVAILABLE, AgentState.BREAK, AgentState.OFFLINE),
            AgentState.WRAP_UP, EnumSet.of(AgentState.AVAILABLE, AgentState.BREAK, AgentState.OFFLINE));
}
