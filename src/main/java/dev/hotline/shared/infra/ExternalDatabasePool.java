package dev.hotline.shared.infra;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The pool of an external database ({@code spring.datasource.url} set), as Spring Boot's own would be but with
 * {@code spring.datasource.hikari.*} bound through {@link PoolSettings} (Boot binds them onto the data source, which
 * breaks the start for {@code SPRING_DATASOURCE_HIKARI_CONNECTION_*} environment variables).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class ExternalDatabasePool {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariConfig hikariSettings() {
        return new HikariConfig();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(HikariConfig hikariSettings, DataSourceProperties properties) {
        var dataSource = PoolSettings.applyTo(hikariSettings, new HikariDataSource());
        dataSource.setJdbcUrl(properties.determineUrl());
        dataSource.setUsername(properties.determineUsername());
        dataSource.setPassword(properties.determinePassword());
        String driver = properties.determineDriverClassName();
        if (StringUtils.hasText(driver)) {
            dataSource.setDriverClassName(driver);
        }
        if (StringUtils.hasText(properties.getName()) && hikariSettings.getPoolName() == null) {
            dataSource.setPoolName(properties.getName());
        }
        return dataSource;
    }
}
