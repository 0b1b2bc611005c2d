package dev.hotline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import java.sql.Timestamp;
import java.time.Instant;

/** Customers written straight into the archive's tables, for tests that need one to call or to visit. */
public final class ArchiveRows {

    private ArchiveRows() {
    }

    /** A REGULAR customer with one phone number (E.164); returns its id. */
    public static long customerWithPhone(JdbcTemplate jdbc, String name, String phone) {
        var keys = new GeneratedKeyHolder();
        var now = Timestamp.from(Instant.now());
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into customer (name, tier, created_at, updated_at) "
                    + "values (?, 'REGULAR', ?, ?)", new String[]{"id"});
            ps.setString(1, name);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            return ps;
        }, keys);
        long id = keys.getKey().longValue();
        jdbc.update("insert into customer_phone (customer_id, e164) values (?, ?)", id, phone);
        return id;
    }
}
