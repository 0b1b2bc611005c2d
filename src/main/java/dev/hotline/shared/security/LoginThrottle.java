package dev.hotline.shared.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Slows down and then locks password guessing, per account name and per client address, in the database so that every
 * node counts the same failures. Names nobody has are counted and locked exactly like real ones, so the answers do not
 * tell which accounts exist. An account's failures past the free ones make the next attempt wait (doubling up to the
 * maximum); at the lock threshold it is locked for a while, the right password included. An address is only locked
 * (at its own, higher threshold): colleagues behind one NAT should not wait for each other's typos. A success clears
 * the account's count, never the address's.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final WebSecurityProperties.LoginThrottle rules;
    private final Clock clock;

    LoginThrottle(JdbcTemplate jdbc, PlatformTransactionManager transactions, WebSecurityProperties properties,
                  ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.rules = properties.login();
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    static String account(String name) {
        return "account:" + name;
    }

    static String address(String ip) {
        return "address:" + ip;
    }

    /**
     * How long the caller must wait before this attempt may be checked at all (zero when it may), and whether the name
     * has failures on record (only then does a success have anything to clear: one query per login otherwise).
     */
    Standing standing(String account, String address) {
        long now = clock.millis();
        var rows = jdbc.query("select subject, greatest(next_attempt_at, locked_until) from login_throttle "
                        + "where subject in (?, ?)", (rs, n) -> new Object[]{rs.getString(1), rs.getLong(2)},
                account(account), address(address));
        long until = rows.stream().mapToLong(r -> (Long) r[1]).max().orElse(0);
        boolean failures = rows.stream().anyMatch(r -> account(account).equals(r[0]));
        return new Standing(until > now ? Duration.ofMillis(until - now) : Duration.ZERO, failures);
    }

    record Standing(Duration retryAfter, boolean accountHasFailures) {
    }

    void failed(String account, String address) {
        count(account(account), rules.lockAfter(), true);
        count(address(address), rules.lockAddressAfter(), false);
    }

    void succeeded(String account) {
        jdbc.update("delete from login_throttle where subject = ?", account(account));
    }

    /** An admin lifts an account's lock (and its count) before it runs out. True when there was one. */
    boolean unlock(String account, String admin) {
        boolean had = jdbc.update("delete from login_throttle where subject = ?", account(account)) > 0;
        if (had) {
            audit("LOGIN_UNLOCKED", account(account), admin, "lifted by an admin");
        }
        return had;
    }

    private void count(String subject, int lockAfter, boolean delays) {
        tx.executeWithoutResult(status -> {
            long now = clock.millis();
            jdbc.update("insert ignore into login_throttle (subject, failures, window_start) values (?, 0, ?)", subject, now);
            List<long[]> rows = jdbc.query("select failures, window_start from login_throttle where subject = ? for update",
                    (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}, subject);
            long[] row = rows.get(0);
            boolean fresh = row[1] < now - rules.window().toMillis();
            int failures = fresh ? 1 : (int) row[0] + 1;
            long windowStart = fresh ? now : row[1];
            long next = delays ? now + delay(failures).toMillis() : 0;
            long locked = 0;
            if (failures >= lockAfter) {
                locked = now + rules.lockFor().toMillis();
                if (failures == lockAfter) {
                    log.warn("Login locked for {} after {} failed attempts", subject, failures);
                    audit("LOGIN_LOCKED", subject, null, failures + " failed logins since "
                            + Instant.ofEpochMilli(windowStart) + "; locked for " + rules.lockFor());
                }
            }
            jdbc.update("update login_throttle set failures = ?, window_start = ?, next_attempt_at = ?, locked_until = "
                    + "greatest(locked_until, ?) where subject = ?", failures, windowStart, next, locked, subject);
        });
    }

    /** Nothing for the free failures, then the first delay doubled per further failure, up to the maximum. */
    Duration delay(int failures) {
        int over = failures - rules.freeFailures();
        if (over <= 0) {
            return Duration.ZERO;
        }
        Duration delay = rules.firstDelay().multipliedBy(1L << Math.min(over - 1, 20));
        return delay.compareTo(rules.maxDelay()) > 0 ? rules.maxDelay() : delay;
    }

    private void audit(String event, String subject, String actor, String detail) {
        jdbc.update("insert into security_audit (at, event, subject, actor, detail) values (?, ?, ?, ?, ?)",
                Timestamp.from(clock.instant()), event, subject, actor, detail);
    }
}
