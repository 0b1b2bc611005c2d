package dev.hotline.shared.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * {@code spring.datasource.hikari.*} is bound to a {@link HikariConfig}, never to the {@link HikariDataSource} itself:
 * the binder walks every getter a key could lead through, and an environment variable such as
 * {@code SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT} also reads as {@code spring.datasource.hikari.connection.timeout},
 * so binding the data source called {@code getConnection()} (the "connection" getter), which started and sealed the pool
 * half-configured, and the next key failed the start ("The configuration of the pool is sealed once started"). A
 * HikariConfig has no such getter; the same variable still sets {@code connection-timeout} (the binder's legacy
 * underscore form).
 */
final class PoolSettings {

    private PoolSettings() {
    }

    /** A pool, not yet started, with the bound settings; the caller sets where it connects. */
    static <T extends HikariDataSource> T applyTo(HikariConfig settings, T dataSource) {
        settings.copyStateTo(dataSource);
        return dataSource;
    }
}
