package dev.hotline.customer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an import batch with multi-row INSERTs and batched UPDATEs (plain JDBC: Hibernate cannot batch inserts of
 * IDENTITY ids). Runs inside the caller's transaction. Times are written as UTC, as Hibernate writes them.
 */
@Component
class ArchiveBulkWriter {

    /** Rows per INSERT statement: a few hundred rows make a packet of some 100 KB, far below max_allowed_packet. */
    private static final int ROWS_PER_STATEMENT = 500;

    record StoredProduct(long id, long customerId, String serialNumber) {
    }

    private final JdbcTemplate jdbc;

    ArchiveBulkWriter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** e164 → customer id, for the numbers already stored. */
    Map<String, Long> phoneOwners(Collection<String> e164s) {
        Map<String, Long> owners = new HashMap<>();
        for (List<String> part : parts(List.copyOf(e164s), 1000)) {
            jdbc.query("select e164, customer_id from customer_phone where e164 in (" + marks(part.size(), 1) + ")",
                    (ResultSet rs) -> {
                        owners.put(rs.getString(1), rs.getLong(2));
                    }, part.toArray());
        }
        return owners;
    }

    /** The stored products with these serial numbers (compared as the unique index does: case-insensitively). */
    List<StoredProduct> products(Collection<String> serials) {
        List<StoredProduct> found = new ArrayList<>();
        for (List<String> part : parts(List.copyOf(serials), 1000)) {
            jdbc.query("select id, customer_id, serial_number from customer_product where serial_number in ("
                            + marks(part.size(), 1) + ")",
                    (ResultSet rs) -> {
                        found.add(new StoredProduct(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                    }, part.toArray());
        }
        return found;
    }

    /** Inserts the customers and sets their ids (a multi-row INSERT gets consecutive ids, in row order). */
    void insertCustomers(List<ImportPlan.Owner> created, Instant now, String user) {
        LocalDateTime at = utc(now);
        for (List<ImportPlan.Owner> part : parts(created, ROWS_PER_STATEMENT)) {
            String sql = "insert into customer (name, contact_person, address, email, tier, notes, created_at,"
                    + " created_by, updated_at, updated_by) values " + marks(part.size(), 10);
            List<Long> ids = jdbc.execute((java.sql.Connection c) -> {
                try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    int i = 1;
                    for (ImportPlan.Owner o : part) {
                        i = customerValues(ps, i, o.data());
                        ps.setObject(i++, at);
                        ps.setString(i++, user);
                        ps.setObject(i++, at);
                        ps.setString(i++, user);
                    }
                    ps.executeUpdate();
                    return keys(ps);
                }
            });
            if (ids == null || ids.size() != part.size()) {
                throw new IllegalStateException("expected " + part.size() + " customer ids, got " + ids);
            }
            for (int k = 0; k < part.size(); k++) {
                part.get(k).assign(ids.get(k));
            }
        }
    }

    /** Replaces the fields of stored customers, as {@link Customer#change} does (numbers are added separately). */
    void updateCustomers(List<ImportPlan.Owner> changed, Instant now, String user) {
        jdbc.batchUpdate("update customer set name = ?, contact_person = ?, address = ?, email = ?, tier = ?,"
                        + " notes = ?, updated_at = ?, updated_by = ? where id = ?", changed, ROWS_PER_STATEMENT,
                (ps, o) -> {
                    int i = customerValues(ps, 1, o.data());
                    ps.setObject(i++, utc(now));
                    ps.setString(i++, user);
                    ps.setLong(i, o.id());
                });
    }

    void insertPhones(List<Map.Entry<Long, String>> phones) {
        for (var part : parts(phones, ROWS_PER_STATEMENT)) {
            List<Object> values = new ArrayList<>(part.size() * 2);
            part.forEach(p -> {
                values.add(p.getKey());
                values.add(p.getValue());
            });
            jdbc.update("insert into customer_phone (customer_id, e164) values " + marks(part.size(), 2), values.toArray());
        }
    }

    void insertProducts(List<ImportPlan.PlannedProduct> created, Instant now, String user) {
        LocalDateTime at = utc(now);
        for (var part : parts(created, ROWS_PER_STATEMENT)) {
            List<Object> values = new ArrayList<>(part.size() * 12);
            for (var p : part) {
                ProductData d = p.data();
                values.addAll(java.util.Arrays.asList(p.owner().id(), d.model().strip(), d.serialNumber().strip(),
                        d.shipDate(), d.purchaseDate(), d.salesChannel().name(), quantity(d), at, user, at, user));
            }
            jdbc.update("insert into customer_product (customer_id, model, serial_number, ship_date, purchase_date,"
                    + " sales_channel, quantity, created_at, created_by, updated_at, updated_by) values "
                    + marks(part.size(), 11), values.toArray());
        }
    }

    /** As {@link Product#change}: the serial number and the owner stay. */
    void updateProducts(List<ImportPlan.PlannedProduct> changed, Instant now, String user) {
        jdbc.batchUpdate("update customer_product set model = ?, ship_date = ?, purchase_date = ?, sales_channel = ?,"
                        + " quantity = ?, updated_at = ?, updated_by = ? where id = ?", changed, ROWS_PER_STATEMENT,
                (ps, p) -> {
                    ProductData d = p.data();
                    ps.setString(1, d.model().strip());
                    ps.setObject(2, d.shipDate());
                    ps.setObject(3, d.purchaseDate());
                    ps.setString(4, d.salesChannel().name());
                    ps.setInt(5, quantity(d));
                    ps.setObject(6, utc(now));
                    ps.setString(7, user);
                    ps.setLong(8, p.storedId());
                });
    }

    /** The columns {@link Customer#change} sets, blanks stored as null. */
    private static int customerValues(PreparedStatement ps, int i, CustomerData d) throws SQLException {
        ps.setString(i++, d.name().strip());
        ps.setString(i++, blankToNull(d.contactPerson()));
        ps.setString(i++, blankToNull(d.address()));
        ps.setString(i++, blankToNull(d.email()));
        ps.setString(i++, (d.tier() == null ? dev.hotline.shared.CustomerTier.REGULAR : d.tier()).name());
        ps.setString(i++, blankToNull(d.notes()));
        return i;
    }

    private static List<Long> keys(PreparedStatement ps) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = ps.getGeneratedKeys()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static int quantity(ProductData d) {
        return d.quantity() == null ? 1 : d.quantity();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** "(?,?),(?,?)" for rows × columns, or "?,?" for one column. */
    private static String marks(int rows, int columns) {
        String row = columns == 1 ? "?" : "(" + String.join(",", Collections.nCopies(columns, "?")) + ")";
        return String.join(",", Collections.nCopies(rows, row));
    }

    private static <T> List<List<T>> parts(List<T> all, int size) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            parts.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return parts;
    }
}
