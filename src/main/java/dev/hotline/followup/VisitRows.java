package dev.hotline.followup;

import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** Maps {@code visit_task} rows; the one place that knows its columns. */
final class VisitRows {

    static final String COLUMNS = "id, customer_id, product_id, ticket_id, ticket_number, reason, due_on, assignee, "
            + "status, channel, outcome, note, created_at, created_by, done_at, done_by";

    static final RowMapper<VisitTask> MAPPER = VisitRows::map;

    private VisitRows() {
    }

    private static VisitTask map(ResultSet rs, int row) throws SQLException {
        return new VisitTask(rs.getLong("id"), rs.getLong("customer_id"), rs.getObject("product_id", Long.class),
                rs.getObject("ticket_id", Long.class), rs.getString("ticket_number"),
                VisitReason.valueOf(rs.getString("reason")), rs.getObject("due_on", java.time.LocalDate.class),
                rs.getString("assignee"), VisitStatus.valueOf(rs.getString("status")),
                enumOrNull(VisitChannel.class, rs.getString("channel")),
                enumOrNull(VisitOutcome.class, rs.getString("outcome")), rs.getString("note"),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("done_at")), rs.getString("done_by"));
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }
}
