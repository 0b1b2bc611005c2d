package dev.hotline.shared.infra;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Gets the pool going as soon as the database is back after an outage. Hikari's connection adder sleeps between
 * failed attempts with a back-off that doubles up to 5 s and cannot be configured, so a database back after a 10 s
 * outage waited up to 5 s more for its first connection (the fault suite measured 7.3 s to the next offer). While
 * callers wait for a connection, none is idle and the adder is backing off, this tries the database directly every
 * {@code hotline.database.return-probe}; once it answers, the adder's sleep is interrupted: Hikari then ends that
 * attempt, and the next waiting caller starts a fresh one without back-off.
 */
@Component
class DatabaseReturnWatch extends dev.hotline.shared.OwnThreadSweep {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReturnWatch.class);

    private final HikariDataSource pool;

    /** The data source may be wrapped (DatabaseUseMetrics counts its use): the pool is what it unwraps to. */
    DatabaseReturnWatch(javax.sql.DataSource dataSource, DatabaseReturnProperties properties) throws SQLException {
        super("database-return-watch", properties.returnProbe());
        this.pool = dataSource.unwrap(HikariDataSource.class);
    }

    @Override
    protected void sweep() {
        var stats = pool.getHikariPoolMXBean();
        // connections stuck on the dead server still count as active: what matters is callers waiting, none idle
        if (stats == null || stats.getThreadsAwaitingConnection() == 0 || stats.getIdleConnections() > 0) {
            return;
        }
        Thread adder = sleepingAdder();
        if (adder != null && reachable()) {
            adder.interrupt();
            log.info("The database answers again: the pool reconnects now, not after its back-off");
        }
    }

    /** Hikari names it "&lt;pool name&gt; connection adder"; asleep means it is backing off. */
    private Thread sleepingAdder() {
        String name = pool.getPoolName() + " connection adder";
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> name.equals(e.getKey().getName()) && java.util.Arrays.stream(e.getValue())
                        .anyMatch(frame -> "quietlySleep".equals(frame.getMethodName())))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    private boolean reachable() {
        try (var ignored = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
