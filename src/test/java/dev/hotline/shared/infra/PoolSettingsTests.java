package dev.hotline.shared.infra;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pool settings from environment variables, as a container or systemd unit sets them. */
class PoolSettingsTests {

    /** The database is nowhere: a pool started while binding would show as a failed start. */
    private static final Map<String, Object> ENVIRONMENT = Map.of(
            "SPRING_DATASOURCE_URL", "jdbc:mariadb://127.0.0.1:1/hotline",
            "SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT", "2500",
            "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "7",
            "SPRING_DATASOURCE_HIKARI_INITIALIZATION_FAIL_TIMEOUT", "-1");

    @EnableConfigurationProperties(DataSourceProperties.class)
    static class WithDataSourceProperties {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(c -> c.getEnvironment().getPropertySources().replace(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, ENVIRONMENT)))
            .withPropertyValues("spring.datasource.hikari.data-source-properties.cachePrepStmts=true")
            .withUserConfiguration(WithDataSourceProperties.class, ExternalDatabasePool.class);

    @Test
    void connectionSettingsFromEnvironmentVariablesStartTheNodeWithThePoolUnstarted() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            HikariDataSource pool = started.getBean(HikariDataSource.class);
            assertThat(pool.getConnectionTimeout()).isEqualTo(2500);
            assertThat(pool.getMaximumPoolSize()).isEqualTo(7);
            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:1/hotline");
            assertThat(pool.getDataSourceProperties()).containsEntry("cachePrepStmts", "true");
            assertThat(pool.getHikariPoolMXBean()).as("no connection tried while configuring").isNull();
        });
    }

    /** Why the settings are not bound onto the data source: the variable leads the binder through getConnection(). */
    @Test
    void bindingTheSameVariablesOntoTheDataSourceItselfTriesToConnect() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        ENVIRONMENT));
        var binder = new Binder(ConfigurationPropertySources.from(environment.getPropertySources()));
        try (var dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:mariadb://127.0.0.1:1/hotline");
            assertThatThrownBy(() -> binder.bind("spring.datasource.hikari",
                    org.springframework.boot.context.properties.bind.Bindable.ofInstance(dataSource)))
                    .hasStackTraceContaining("getConnection");
        }
    }
}
