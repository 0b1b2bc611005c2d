package dev.hotline.routing;

import dev.hotline.shared.NotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Agent profiles from the database, cached (accepting an offer needs the extension without a query per call). */
@Component
class AgentDirectory {

    private final AgentRepository agents;
    private final QueueCatalog catalog;
    private final RedisRoutingStore store;
    private final Map<String, AgentProfile> cache = new ConcurrentHashMap<>();

    AgentDirectory(AgentRepository agents, QueueCatalog catalog, RedisRoutingStore store) {
        this.agents = agents;
        this.catalog = catalog;
        this.store = store;
    }

    AgentProfile get(String username) {
        AgentProfile p = cache.get(username);
        if (p == null) {
            p = agents.findByUsername(username).map(Agent::profile)
                    .orElseThrow(() -> new NotFoundException("Agent", username));
            cache.put(username, p);
        }
        return p;
    }

    List<AgentProfile> all() {
        return agents.findAll().stream().map(Agent::profile).sorted(Comparator.comparing(AgentProfile::username)).toList();
    }

    /** Creates or replaces an agent's profile; a logged-in agent serves the queues of its new skills at once. */
    @Transactional
    AgentProfile save(AgentProfile profile) {
        var agent = agents.findByUsername(profile.username()).orElseGet(() -> new Agent(profile.username()));
        agent.apply(profile);
        agents.save(agent);
        AgentProfile saved = agent.profile();
        cache.put(saved.username(), saved);
        if (store.agent(saved.username()).state() != AgentState.OFFLINE) {
            store.memberships(saved.username(), queues(saved), wideQueues(saved));
        }
        return saved;
    }

    /** After a queue change: logged-in agents serve the queues their skills now qualify them for. */
    void refreshMemberships() {
        for (AgentProfile agent : all()) {
            if (store.agent(agent.username()).state() != AgentState.OFFLINE) {
                store.memberships(agent.username(), queues(agent), wideQueues(agent));
            }
        }
    }

    void forget(String username) {
        cache.remove(username);
    }

    /** Queues whose required skills the agent has at the required level. */
    List<String> queues(AgentProfile agent) {
        var out = new ArrayList<String>();
        for (QueueSettings q : catalog.all()) {
            if (RoutingPolicy.qualifies(agent.skills(), q.skills())) {
                out.add(q.name());
            }
        }
        return out;
    }

    /** Queues whose widened contacts may ring the agent (skills at any level). */
    List<String> wideQueues(AgentProfile agent) {
        var out = new ArrayList<String>();
        for (QueueSettings q : catalog.all()) {
            if (RoutingPolicy.qualifiesWidened(agent.skills(), q.skills())) {
                out.add(q.name());
            }
        }
        return out;
    }
}
