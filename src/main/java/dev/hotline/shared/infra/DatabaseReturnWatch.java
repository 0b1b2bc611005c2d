package dev.hotline.shared.infra;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Tells a database outage from a busy pool and gets the pool going as soon as the database is back. Every
 * {@code hotline.database.return-probe}:
 * <ul>
 * <li>While callers wait for a connection, none is idle and Hikari's connection adder is backing off (it sleeps between
 * failed attempts, doubling up to 5 s, not configurable), the database is tried directly. If it answers, the adder's
 * sleep is interrupted: the pool reconnects now, not after its back-off. If it does not and the pool has no connection
 * left, the {@link DatabaseGate} closes: connection requests are refused at once instead of each waiting the pool's
 * connection timeout (the fault suite saw 40 callers per node queued on an empty pool, still timing out 10 s after the
 * database was back, and took 6-12 s to offer the next call).</li>
 * <li>While the gate is closed, the database is tried directly; the moment it answers, the gate opens and the adder is
 * woken ("The database answers again").</li>
 * </ul>
 */
@Component
class DatabaseReturnWatch extends dev.hotline.shared.OwnThreadSweep {

    private static final Logger log = LoggerFactory.getLogger(DatabaseReturnWatch.class);

    private final HikariDataSource pool;
    private final DatabaseGate gate;
    private final int probeTimeoutMillis;

    /** The data source may be wrapped (DatabaseUseMetrics counts its use): the pool is what it unwraps to. */
    DatabaseReturnWatch(javax.sql.DataSource dataSource, DatabaseReturnProperties properties, DatabaseGate gate)
            throws SQLException {
        super("database-return-watch", properties.returnProbe());
        this.pool = dataSource.unwrap(HikariDataSource.class);
        this.gate = gate;
        this.probeTimeoutMillis = (int) Math.max(200, Math.min(2_000, properties.returnProbe().toMillis() * 4));
    }

    @Override
    protected void sweep() {
        if (pool.getJdbcUrl() == null) {
            return;   // a pool built on a DataSource class: nothing to try directly
        }
        if (gate.closed()) {
            // the pool connected on its own (its housekeeper fills it): whatever the direct try says, it is back
            if (reachable() || pool.getHikariPoolMXBean().getIdleConnections() > 0) {
                long closedMillis = gate.open();
                wakeAdder();
                log.info("The database answers again (refused at once for {} ms): the pool reconnects now",
                        closedMillis);
            }
            return;
        }
        var stats = pool.getHikariPoolMXBean();
        // connections stuck on the dead server still count as active: what matters is callers waiting, none idle
        if (stats == null || stats.getThreadsAwaitingConnection() == 0 || stats.getIdleConnections() > 0) {
            return;
        }
        Thread adder = sleepingAdder();
        if (adder == null) {
            return;   // the pool is busy, not failing to connect
        }
        if (reachable()) {
            adder.interrupt();
            log.info("The database answers again: the pool reconnects now, not after its back-off");
        } else if (stats.getTotalConnections() == 0) {
            gate.close();
            log.warn("The database does not answer and the pool has no connection left: requests needing it are "
                    + "refused at once (503) until it does");
        }
    }

    private void wakeAdder() {
        Thread adder = sleepingAdder();
        if (adder != null) {
            adder.interrupt();
        }
    }

    /**
     * Hikari's connection adder ("&lt;pool name&gt;:connection-adder" since Hikari 6, "&lt;pool name&gt; connection
     * adder" before); asleep means it is backing off.
     */
    private Thread sleepingAdder() {
        String name = pool.getPoolName();
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> isAdder(e.getKey().getName(), name) && java.util.Arrays.stream(e.getValue())
                        .anyMatch(frame -> "quietlySleep".equals(frame.getMethodName())))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }

    static boolean isAdder(String thread, String poolName) {
        return thread.equals(poolName + ":connection-adder") || thread.equals(poolName + " connection adder");
    }

    private boolean reachable() {
        var info = new Properties();
        info.putAll(pool.getDataSourceProperties());   // what the pool connects with (TLS settings...)
        if (pool.getUsername() != null) {
            info.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            info.setProperty("password", pool.getPassword());
        }
        // MariaDB's and MySQL's drivers both read connectTimeout (ms): a server that does not even refuse is out too
        info.setProperty("connectTimeout", Integer.toString(probeTimeoutMillis));
        try (var ignored = DriverManager.getConnection(pool.getJdbcUrl(), info)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
