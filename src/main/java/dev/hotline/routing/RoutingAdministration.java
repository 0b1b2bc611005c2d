package dev.hotline.routing;

import java.util.List;

/** Queue and agent configuration as the admin REST API edits it. */
public interface RoutingAdministration {

    List<QueueSettings> queues();

    QueueSettings queueSettings(String name);

    /** Creates or replaces a queue; values left null take the hotline.routing defaults. */
    QueueSettings saveQueue(QueueSettings settings);

    List<AgentProfile> agents();

    AgentProfile agent(String username);

    AgentProfile saveAgent(AgentProfile profile);

    /** A new queue's settings from hotline.routing.* (for filling in what a request leaves out). */
    QueueSettings queueDefaults(String name);

    RoutingProperties defaults();
}
