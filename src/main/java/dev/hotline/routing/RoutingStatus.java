package dev.hotline.routing;

/** Where routing has a contact: waiting for an agent, ringing one or more agents, taken by an agent, or not routing it. */
public enum RoutingStatus {
    WAITING, OFFERED, ASSIGNED, NOT_ROUTED
}
