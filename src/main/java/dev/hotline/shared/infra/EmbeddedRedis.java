package dev.hotline.shared.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A real redis-server process (embedded-redis) for the embedded default run and for tests. One server per requested
 * port per JVM (0 = one shared server on a free port); stopped when the JVM exits. It asks for a password generated at
 * start ({@code requirepass}, issue #18 finding 13), written owner-only to {@value #FILE} in the data directory of the
 * run that started it, for tools on the same machine (the benchmark's second node, redis-cli).
 */
final class EmbeddedRedis {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    static final String FILE = "redis-credentials.properties";
    private static final Map<Integer, String> RUNNING = new HashMap<>();

    private EmbeddedRedis() {
    }

    /** Starts the server if needed and returns its redis:// URL, password included. */
    static synchronized String startOnce(int requestedPort, Path dataDir) {
        return RUNNING.computeIfAbsent(requestedPort, p -> start(p, dataDir));
    }

    private static String start(int requestedPort, Path dataDir) {
        int port = requestedPort == 0 ? FreePort.find() : requestedPort;
        String password = EmbeddedSecrets.generate();
        var secrets = new Properties();
        secrets.setProperty("port", Integer.toString(port));
        secrets.setProperty("password", password);
        EmbeddedSecrets.store(dataDir.resolve(FILE), secrets, "Embedded redis-server of the running Hotline (new at every start)");
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("requirepass " + password)
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
            return "redis://:" + password + "@127.0.0.1:" + port;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded redis-server on port " + port
                    + ". Configure an external Redis with HOTLINE_REDIS_URL.", e);
        }
    }
}
