package dev.hotline.routing;

/** Where an agent stands. The console shows it; routing offers contacts only to AVAILABLE (or BUSY with spare text capacity). */
public enum AgentState {
    OFFLINE, AVAILABLE,
    /** An offer rings on the agent's console. */
    RESERVED,
    BUSY,
    /** After the last contact; AVAILABLE again automatically after the configured seconds. */
    WRAP_UP,
    /** Paused, with a reason (lunch, ring-no-answer, ...). */
    BREAK
}
