package dev.hotline.shared.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The embedded default run: a MariaDB server whose files live under {@code data-dir} (so data survives a restart) and
 * a redis-server process. Used only when no external database / Redis is configured.
 *
 * @param dataDir      where the embedded database keeps its files
 * @param databasePort TCP port of the embedded MariaDB; 0 picks a free one
 * @param redisPort    TCP port of the embedded redis-server; 0 picks a free one
 * @param databaseArgs extra mysqld options for the embedded MariaDB, e.g. {@code --innodb-buffer-pool-size=1G}
 */
@ConfigurationProperties("hotline.embedded")
public record EmbeddedProperties(Path dataDir, int databasePort, int redisPort, java.util.List<String> databaseArgs) {

    public EmbeddedProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        databaseArgs = databaseArgs == null ? java.util.List.of() : java.util.List.copyOf(databaseArgs);
    }
}
