package dev.hotline.routing;

/**
 * Whether an agent has a console: the console adapter reports every session of an agent that connects and
 * disconnects. An agent whose last console has been gone longer than {@code hotline.routing.console.grace} (also when
 * the node holding it died) is taken out of routing — BREAK("away"), no new offers, a ringing offer declined — and gets
 * the state it had back when a console connects again.
 */
public interface AgentConsoles {

    void connected(String agent, String session);

    void disconnected(String agent, String session);
}
