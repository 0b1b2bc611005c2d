package dev.hotline.shared.infra;

import org.springframework.stereotype.Component;

import java.sql.SQLTransientConnectionException;

/**
 * Whether the database is known not to answer ({@link DatabaseReturnWatch} closes it when the pool has no connection
 * left and the server refuses a direct one, and opens it again the moment the server answers). While it is closed a
 * connection request is refused at once instead of waiting {@code spring.datasource.hikari.connection-timeout} on an
 * empty pool: callers get their 503 (or a Twilio caller ringback) without delay, and no crowd of callers, each retrying
 * while waiting 3 s, is queued on the pool when the database returns.
 */
@Component
public class DatabaseGate {

    private volatile long closedSince;

    boolean closed() {
        return closedSince != 0;
    }

    void close() {
        closedSince = System.nanoTime();
    }

    /** Milliseconds it was closed. */
    long open() {
        long since = closedSince;
        closedSince = 0;
        return since == 0 ? 0 : (System.nanoTime() - since) / 1_000_000;
    }

    void check() throws SQLTransientConnectionException {
        if (closedSince != 0) {
            throw new SQLTransientConnectionException("The database does not answer (checked every "
                    + "hotline.database.return-probe); refused at once rather than waiting for the pool", "08001");
        }
    }
}
