package dev.hotline.routing;

/**
 * Where routing has a contact: waiting for an agent, ringing one or more agents, taken by an agent, ended (routing
 * remembers an ended contact for a day), or not known to routing at all (never routed, or Redis lost it: the record
 * tells).
 */
public enum RoutingStatus {
    WAITING, OFFERED, ASSIGNED, ENDED, NOT_ROUTED;

    /** Still in routing's hands: waiting, ringing or taken. */
    public boolean isLive() {
        return this == WAITING || this == OFFERED || this == ASSIGNED;
    }
}
