package dev.hotline;

import dev.hotline.shared.infra.FreePort;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.File;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real MariaDB server from the operating system's package (Debian's {@code mariadb-server}, 10.11 on bookworm), as
 * operators run it: unlike the embedded MariaDB 11 it announces itself as {@code 5.5.5-10.11...-MariaDB}. Declare
 * {@code @ExtendWith(DebianMariaDb.class)} before {@code @SpringBootTest} so the server outlives the test's context.
 * Without the package the test is skipped, unless {@code -Dhotline.test.mariadb-server=required} (CI installs it).
 */
public final class DebianMariaDb implements BeforeAllCallback, AfterAllCallback {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private static Process server;
    private static Path dir;
    private static int port;

    /** A JDBC URL of the running server's {@code hotline} database through the given driver ("mariadb" or "mysql"). */
    public static String url(String driver) {
        return "jdbc:" + driver + "://127.0.0.1:" + port + "/hotline?createDatabaseIfNotExist=true"
                + "&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        boolean installed = Files.isExecutable(SERVER) && Files.isExecutable(INSTALL);
        if (!installed && "required".equals(System.getProperty("hotline.test.mariadb-server"))) {
            throw new IllegalStateException("mariadb-server is required (apt-get install mariadb-server)");
        }
        Assumptions.assumeTrue(installed, "no mariadb-server installed");
        dir = Files.createTempDirectory("hotline-mariadb-");
        run(List.of(INSTALL.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + System.getProperty("user.name")));
        port = FreePort.find();
        serve();
        Runtime.getRuntime().addShutdownHook(new Thread(DebianMariaDb::stop));
    }

    /** {@code kill -9} of the server: a database outage, until {@link #restart()}. */
    public static synchronized void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(20, TimeUnit.SECONDS);
    }

    /** The server again, on its port and files, once it accepts connections. */
    public static synchronized void restart() throws IOException {
        serve();
    }

    private static void serve() throws IOException {
        server = new ProcessBuilder(SERVER.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--user=" + System.getProperty("user.name"),
                "--skip-log-bin", "--innodb-buffer-pool-size=64M")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
                .start();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (var ignored = new Socket("127.0.0.1", port)) {
                return true;
            }
        });
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private static synchronized void stop() {
        if (server != null) {
            server.destroy();
            try {
                server.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.destroyForcibly();
            server = null;
            deleteQuietly(dir.toFile());
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed");
        }
    }


    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
