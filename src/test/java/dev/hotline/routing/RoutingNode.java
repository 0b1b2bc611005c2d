package dev.hotline.routing;

import dev.hotline.HotlineApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One app node: a whole Hotline application context in this JVM, sharing the embedded Redis and database with the
 * other nodes. Nodes of one cluster share a Redis key prefix of their own, so other test contexts do not sweep their
 * timers. Domain events of every node of the cluster go to the cluster's subscribers.
 */
final class RoutingNode implements AutoCloseable {

    /** One cluster of two nodes for the whole test run (starting a node takes seconds). */
    static final class Cluster {
        final String prefix = "hotline:cluster-" + UUID.randomUUID() + ":";
        final List<Consumer<Object>> subscribers = new CopyOnWriteArrayList<>();
        final RoutingNode a = new RoutingNode(this, "a");
        final RoutingNode b = new RoutingNode(this, "b");

        RoutingNode startNode(String name) {
            return new RoutingNode(this, name);
        }

        void publish(Object event) {
            for (Consumer<Object> s : subscribers) {
                s.accept(event);
            }
        }
    }

    private static Cluster shared;

    static synchronized Cluster cluster() {
        if (shared == null) {
            shared = new Cluster();
        }
        return shared;
    }

    final String name;
    final ConfigurableApplicationContext context;

    private RoutingNode(Cluster cluster, String name) {
        this.name = name;
        ApplicationListener<ApplicationEvent> forward = e -> {
            if (e instanceof PayloadApplicationEvent<?> payload) {
                cluster.publish(payload.getPayload());
            }
        };
        this.context = new SpringApplicationBuilder(HotlineApplication.class)
                .web(WebApplicationType.SERVLET)
                .listeners(forward)
                // command-line arguments: they win over application.properties
                .run("--server.port=0", "--spring.jmx.enabled=false",
                        "--spring.application.name=hotline-node-" + name,
                        "--hotline.routing.key-prefix=" + cluster.prefix,
                        "--hotline.routing.wrap-up=100ms",
                        "--hotline.routing.sweep-interval=200ms",
                        "--logging.level.dev.hotline=WARN");
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
