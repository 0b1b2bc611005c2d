package dev.hotline.shared.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A real redis-server process (embedded-redis) for the embedded default run and for tests. One server per requested
 * port per JVM (0 = one shared server on a free port); stopped when the JVM exits.
 */
final class EmbeddedRedis {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final Map<Integer, String> RUNNING = new HashMap<>();

    private EmbeddedRedis() {
    }

    /** Starts the server if needed and returns its redis:// URL. */
    static synchronized String startOnce(int requestedPort) {
        return RUNNING.computeIfAbsent(requestedPort, EmbeddedRedis::start);
    }

    private static String start(int requestedPort) {
        int port = requestedPort == 0 ? FreePort.find() : requestedPort;
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            log.info("Embedded redis-server started on port {}", port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    log.warn("Embedded redis-server did not stop cleanly: {}", e.getMessage());
                }
            }, "embedded-redis-stop"));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded redis-server on port " + port
                    + ". Configure an external Redis with HOTLINE_REDIS_URL.", e);
        }
    }
}
