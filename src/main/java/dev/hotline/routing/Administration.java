package dev.hotline.routing;

import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.List;

@Component
class Administration implements RoutingAdministration {

    private final QueueCatalog catalog;
    private final AgentDirectory directory;
    private final RoutingProperties properties;

    Administration(QueueCatalog catalog, AgentDirectory directory, RoutingProperties properties) {
        this.catalog = catalog;
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public List<QueueSettings> queues() {
        return catalog.all();
    }

    @Override
    public QueueSettings queueSettings(String name) {
        if (!catalog.exists(name)) {
            throw new NotFoundException("Queue", name);
        }
        return catalog.resolve(name);
    }

    @Override
    public QueueSettings saveQueue(QueueSettings s) {
        if (!(s.alertRing() <= s.widenRing() && s.widenRing() <= s.overflowRing())) {
            throw new InvalidInputException("overflowRing", "Escalation rings must be in order: alert <= widen <= overflow");
        }
        s.skills().forEach((skill, level) -> checkLevel(level));
        QueueSettings saved = catalog.save(s);
        directory.refreshMemberships();
        return saved;
    }

    @Override
    public List<AgentProfile> agents() {
        return directory.all();
    }

    @Override
    public AgentProfile agent(String username) {
        return directory.get(username);
    }

    @Override
    public AgentProfile saveAgent(AgentProfile profile) {
        profile.skills().forEach((skill, level) -> checkLevel(level));
        return directory.save(profile);
    }

    @Override
    public QueueSettings queueDefaults(String name) {
        return catalog.defaults(name);
    }

    @Override
    public RoutingProperties defaults() {
        return properties;
    }

    private static void checkLevel(Integer level) {
        if (level == null || level < 1 || level > 5) {
            throw new InvalidInputException("skills", "Skill levels are 1 to 5");
        }
    }
}
