package dev.hotline.followup;

import org.springframework.jdbc.core.RowMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;

/** Maps {@code survey} rows; the one place that knows its columns. */
final class SurveyRows {

    static final String COLUMNS = "id, customer_id, ticket_id, ticket_number, visit_task_id, status, channel, "
            + "created_at, expires_at, answered_at, answered_by, quality, delivery, service, price, packaging, score, "
            + "satisfied, comment, token_nonce, phone";

    static final RowMapper<SurveyView> MAPPER = SurveyRows::map;

    private SurveyRows() {
    }

    private static SurveyView map(ResultSet rs, int row) throws SQLException {
        var answers = new EnumMap<Dimension, Level>(Dimension.class);
        for (var d : Dimension.values()) {
            var level = VisitRows.enumOrNull(Level.class, rs.getString(d.name().toLowerCase()));
            if (level != null) {
                answers.put(d, level);
            }
        }
        return new SurveyView(rs.getLong("id"), rs.getLong("customer_id"), rs.getObject("ticket_id", Long.class),
                rs.getString("ticket_number"), rs.getObject("visit_task_id", Long.class), rs.getString("status"),
                VisitRows.enumOrNull(SurveyChannel.class, rs.getString("channel")),
                VisitRows.instant(rs.getTimestamp("created_at")), VisitRows.instant(rs.getTimestamp("expires_at")),
                VisitRows.instant(rs.getTimestamp("answered_at")), rs.getString("answered_by"), answers,
                rs.getBigDecimal("score"), rs.getObject("satisfied", Boolean.class), rs.getString("comment"));
    }
}
