package dev.hotline.console;

import dev.hotline.HotlineApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another app node in this JVM: a whole Hotline context with its own web server, on the same embedded Redis and
 * database and the same routing key prefix as the test's own context, so the two form one cluster.
 */
final class SecondNode implements AutoCloseable {

    final ConfigurableApplicationContext context;

    SecondNode(String routingKeyPrefix) {
        context = new SpringApplicationBuilder(HotlineApplication.class)
                .web(WebApplicationType.SERVLET)
                // command-line arguments: they win over application.properties
                .run("--server.port=0", "--spring.jmx.enabled=false", "--spring.application.name=hotline-node-b",
                        "--hotline.routing.key-prefix=" + routingKeyPrefix, "--logging.level.dev.hotline=WARN");
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
