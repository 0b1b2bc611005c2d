package dev.hotline.shared.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.hibernate.cfg.JdbcSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} the app runs on an embedded MariaDB (same SQL dialect and Flyway migrations
 * as MySQL 8), so a fresh clone starts with no database installed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    /** Pool defaults here; {@code spring.datasource.hikari.*} overrides them as for an external database. */
    @Bean
    @org.springframework.boot.context.properties.ConfigurationProperties("spring.datasource.hikari")
    HikariConfig hikariSettings() {
        var settings = new HikariConfig();
        settings.setPoolName("hotline-embedded");
        settings.setMinimumIdle(2);
        return settings;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(HikariConfig hikariSettings, EmbeddedProperties properties) {
        var db = EmbeddedMariaDb.acquire(properties.dataDir(), properties.databasePort(), properties.databaseArgs());
        var dataSource = PoolSettings.applyTo(hikariSettings, new LeasedDataSource(db));
        dataSource.setJdbcUrl(db.jdbcUrl("hotline"));
        dataSource.setUsername(db.account().user());
        dataSource.setPassword(db.account().password());
        return dataSource;
    }

    /**
     * Connector/J answers Hibernate's metadata probe on a MariaDB server with a MySQL 8 query
     * ({@code information_schema.KEYWORDS ... WHERE RESERVED=1}) that MariaDB does not have: every start logged
     * {@code HHH100045 Unknown column 'RESERVED'} and Hibernate fell back to the configured dialect's defaults anyway.
     * Skipping the probe on the embedded server keeps that outcome without the warning; an external MySQL is probed.
     */
    @Bean
    HibernatePropertiesCustomizer embeddedDatabaseSkipsMetadataProbe() {
        // no probe, so the dialect is named: the embedded MariaDB 11 speaks MySQL 8's SQL through Connector/J (an external
        // server's dialect is picked from its metadata: MySQLDialect for MySQL, MariaDBDialect through jdbc:mariadb)
        return properties -> {
            properties.put(JdbcSettings.ALLOW_METADATA_ON_BOOT, false);
            properties.put(JdbcSettings.DIALECT, "org.hibernate.dialect.MySQLDialect");
        };
    }

    /** Gives the server lease back once its pool is closed, so the last context to close stops the server. */
    static final class LeasedDataSource extends HikariDataSource {

        private final EmbeddedMariaDb db;
        private boolean released;

        LeasedDataSource(EmbeddedMariaDb db) {
            this.db = db;
        }

        @Override
        public synchronized void close() {
            try {
                super.close();
            } finally {
                if (!released) {
                    released = true;
                    db.release();
                }
            }
        }
    }
}
