package dev.hotline.shared.infra;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * Refuses to start on a driver that would silently cut every time to whole seconds: MySQL Connector/J reads the
 * {@code 5.5.5-10.x-MariaDB} version a MariaDB 10 server announces as MySQL 5.5, which has no fractional seconds, and
 * drops the milliseconds of every ring, offer and answer time it binds. MariaDB's own driver ({@code jdbc:mariadb:})
 * keeps them; a MySQL 8 server or MariaDB 11 (no 5.5.5 prefix) is fine with Connector/J.
 */
@Component
class DatabaseServerCheck implements InitializingBean {

    private final DataSource dataSource;

    DatabaseServerCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            String problem = problem(connection.getMetaData());
            if (problem != null) {
                throw new IllegalStateException(problem);
            }
        }
    }

    static String problem(DatabaseMetaData metaData) throws SQLException {
        return problem(metaData.getDriverName(), metaData.getDatabaseProductVersion(), metaData.getURL());
    }

    static String problem(String driverName, String serverVersion, String url) {
        boolean connectorJ = driverName != null && driverName.startsWith("MySQL Connector");
        boolean readsAsMySql55 = serverVersion != null && serverVersion.startsWith("5.5.5-")
                && serverVersion.contains("MariaDB");
        if (!connectorJ || !readsAsMySql55) {
            return null;
        }
        return "The database at " + url + " is MariaDB " + serverVersion.substring("5.5.5-".length())
                + " reached through MySQL Connector/J, which stores every time in whole seconds on it. Use MariaDB's driver: "
                + "spring.datasource.url=jdbc:mariadb://host:3306/hotline?connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true";
    }
}
