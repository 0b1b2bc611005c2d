package dev.hotline.shared.infra;

import dev.hotline.shared.RedisEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue #18 finding 13: the embedded default run takes no passwordless access. The app uses its own MariaDB account
 * (its database only), root has a generated password, Redis asks for one; the generated secrets are in the data
 * directory, owner-only.
 */
@SpringBootTest
class EmbeddedCredentialsIntegrationTests {

    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    EmbeddedProperties embedded;
    @Autowired
    RedisEndpoint redis;

    @Test
    void theDatabaseRefusesRootWithoutPasswordAndTheAppIsNotRoot() throws Exception {
        String url;
        try (var app = dataSource.getConnection()) {
            url = app.getMetaData().getURL();
            assertThat(app.getMetaData().getUserName()).startsWith("hotline@");
        }

        assertThatThrownBy(() -> DriverManager.getConnection(url, "root", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "hotline", "guessed").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");

        var secrets = EmbeddedSecrets.load(embedded.dataDir().resolve(EmbeddedDatabaseAccount.FILE));
        try (var root = DriverManager.getConnection(url, "root", secrets.getProperty("root-password"))) {
            assertThat(root.isValid(5)).isTrue();
        }
        try (var app = dataSource.getConnection(); var s = app.createStatement()) {
            // the app's account reaches its own database, not the server's accounts
            assertThatThrownBy(() -> s.executeQuery("SELECT User FROM mysql.user"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("denied");
        }
        ownerOnly(embedded.dataDir().resolve(EmbeddedDatabaseAccount.FILE));
        assertThat(embedded.dataDir().resolve("mariadb-init.sql")).doesNotExist();
    }

    @Test
    void redisRefusesCommandsWithoutThePassword() throws Exception {
        var uri = redis.uri();
        assertThat(uri.getUserInfo()).isNotBlank();
        try (var anonymous = new Jedis(uri.getHost(), uri.getPort())) {
            assertThatThrownBy(anonymous::ping).isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
        }
        try (var wrong = new Jedis(uri.getHost(), uri.getPort())) {
            assertThatThrownBy(() -> wrong.auth("guessed")).isInstanceOf(JedisDataException.class);
        }
        try (var app = redis.dedicatedConnection()) {
            assertThat(app.ping()).isEqualTo("PONG");
        }
        Path file = embedded.dataDir().resolve(EmbeddedRedis.FILE);
        var secrets = EmbeddedSecrets.load(file);
        try (var tool = new Jedis(uri.getHost(), uri.getPort())) {
            tool.auth(secrets.getProperty("password"));
            assertThat(tool.ping()).isEqualTo("PONG");
        }
        ownerOnly(file);
    }

    private static void ownerOnly(Path file) throws Exception {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
