package dev.hotline.shared.infra;

import org.hibernate.cfg.JdbcSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dialect of an external database from its URL's driver, when none is configured: MySQLDialect for
 * {@code jdbc:mysql:}, MariaDBDialect for {@code jdbc:mariadb:}. Hibernate would otherwise pick it from the server's
 * metadata only, and Connector/J's metadata query fails on a MariaDB server ({@code Unknown column 'RESERVED'}), which
 * left Hibernate without a dialect and the node unable to start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.datasource.url:}'.isEmpty()")
class ExternalDatabaseDialect {

    @Bean
    HibernatePropertiesCustomizer dialectFromDriver(@Value("${spring.datasource.url}") String url) {
        return properties -> {
            if (properties.containsKey(JdbcSettings.DIALECT) || properties.containsKey("hibernate.dialect")) {
                return;
            }
            if (url.startsWith("jdbc:mariadb:")) {
                properties.put(JdbcSettings.DIALECT, "org.hibernate.dialect.MariaDBDialect");
            } else if (url.startsWith("jdbc:mysql:")) {
                properties.put(JdbcSettings.DIALECT, "org.hibernate.dialect.MySQLDialect");
            }
        };
    }
}
