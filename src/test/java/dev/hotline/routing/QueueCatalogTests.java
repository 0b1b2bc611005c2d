package dev.hotline.routing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Queue settings in memory: a change is in force on this node the moment it is saved, whatever reloads run. */
@SpringBootTest(properties = "hotline.routing.key-prefix=hotline:catalog-test:")
class QueueCatalogTests {

    @Autowired
    QueueCatalog catalog;

    @Autowired
    RoutingAdministration administration;

    @Test
    void aReloadRacingASaveNeverLeavesTheOldSettingsInForce() throws Exception {
        // the scheduled reloads (every second on a version change, every 30 s anyway) run while a supervisor saves:
        // a reload that read the table before the save's commit must not install the old skills afterwards
        String queue = "catalog-" + UUID.randomUUID().toString().substring(0, 8);
        var reloading = new AtomicBoolean(true);
        var reloader = Executors.newFixedThreadPool(2);
        for (int i = 0; i < 2; i++) {
            reloader.execute(() -> {
                while (reloading.get()) {
                    catalog.reload();
                }
            });
        }
        try {
            for (int i = 0; i < 40; i++) {
                String skill = "skill-" + i;
                administration.saveQueue(withSkill(queue, skill));
                assertThat(catalog.resolve(queue).skills()).as("after save %d", i).containsOnlyKeys(skill);
            }
        } finally {
            reloading.set(false);
            reloader.shutdown();
            assertThat(reloader.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    private QueueSettings withSkill(String queue, String skill) {
        QueueSettings d = administration.queueDefaults(queue);
        return new QueueSettings(queue, Map.of(skill, 1), d.strategy(), d.ringNoAnswer(), d.ringPeriod(),
                d.alertRing(), d.widenRing(), d.overflowRing(), d.zone(), d.onCall());
    }
}
