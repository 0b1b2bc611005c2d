package dev.hotline.routing;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Queue settings, read from the database and kept in memory: the arrival hot path must not query the database for
 * them. Reloaded after every local change; a change made on another node is seen within a second (a version number in
 * Redis, compared every second) and everything is reloaded every 30 s anyway. A change is announced and reloaded only
 * once committed, and reloads take turns: a reload that read the table before the commit cannot install the old
 * settings over the new ones (agents logging in would otherwise be left out of a queue until the next reload).
 */
@Component
class QueueCatalog {

    private final RoutingQueueRepository queues;
    private final RedisRoutingStore store;
    private final RoutingProperties properties;
    private final TransactionTemplate tx;
    private volatile Map<String, QueueSettings> byName = Map.of();
    private volatile long lastReload;
    private volatile long version = -1;

    QueueCatalog(RoutingQueueRepository queues, RedisRoutingStore store, RoutingProperties properties,
                 PlatformTransactionManager transactions) {
        this.queues = queues;
        this.store = store;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The named queue; null, blank or unknown names give the default queue. */
    QueueSettings resolve(String name) {
        Map<String, QueueSettings> map = loaded();
        QueueSettings q = name == null ? null : map.get(name);
        if (q == null && name != null && System.currentTimeMillis() - lastReload > 1_000) {
            reload();   // created on another node moments ago?
            q = byName.get(name);
            map = byName;
        }
        if (q == null) {
            q = map.get(properties.defaultQueue());
        }
        return q != null ? q : defaults(properties.defaultQueue());
    }

    boolean exists(String name) {
        return loaded().containsKey(name);
    }

    List<QueueSettings> all() {
        return loaded().values().stream().sorted(Comparator.comparing(QueueSettings::name)).toList();
    }

    /** Creates or replaces a queue's configuration; in memory here, and announced to the other nodes, once committed. */
    QueueSettings save(QueueSettings settings) {
        tx.executeWithoutResult(status -> {
            var queue = queues.findByName(settings.name()).orElseGet(() -> new RoutingQueue(settings.name()));
            queue.apply(settings);
            queues.save(queue);
        });
        store.strategy(settings.name(), settings.strategy());
        version = store.queueSettingsChanged();
        reload();
        return settings;
    }

    /** A new queue's settings: everything from hotline.routing.*. */
    QueueSettings defaults(String name) {
        return new QueueSettings(name, Map.of(), properties.strategy(), properties.ringNoAnswer(),
                properties.ringPeriod(), properties.alertRing(), properties.widenRing(), properties.overflowRing(),
                properties.zone(), List.of());
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void reloadIfChangedElsewhere() {
        long current;
        try {
            current = store.queueSettingsVersion();
        } catch (RuntimeException redisDown) {
            return;   // Redis health reports it; the 30 s reload from the database goes on
        }
        if (current != version) {
            version = current;
            reload();
        }
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 30_000)
    synchronized void reload() {
        var map = new HashMap<String, QueueSettings>();
        for (RoutingQueue q : queues.findAll()) {
            QueueSettings s = q.settings();
            map.put(s.name(), s);
            store.strategy(s.name(), s.strategy());
        }
        byName = Map.copyOf(map);
        lastReload = System.currentTimeMillis();
    }

    private Map<String, QueueSettings> loaded() {
        Map<String, QueueSettings> map = byName;
        if (map.isEmpty()) {
            synchronized (this) {
                if (byName.isEmpty()) {
                    reload();
                }
                map = byName;
            }
        }
        return map;
    }
}
