package dev.hotline.ticket;

import dev.hotline.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** Targets from {@code kpi_target} over the configured defaults. */
@Service
class DatabaseKpiTargets implements KpiTargets {

    private final JdbcTemplate jdbc;
    private final KpiProperties defaults;

    DatabaseKpiTargets(JdbcTemplate jdbc, KpiProperties defaults) {
        this.jdbc = jdbc;
        this.defaults = defaults;
    }

    @Override
    public Map<Kpi, Double> current() {
        var targets = new EnumMap<Kpi, Double>(defaults.targets());
        jdbc.query("select kpi, target from kpi_target", rs -> {
            try {
                targets.put(Kpi.valueOf(rs.getString(1)), rs.getDouble(2));
            } catch (IllegalArgumentException retired) {
                // a KPI no longer known: ignored
            }
        });
        return targets;
    }

    @Override
    @Transactional
    public void set(Kpi kpi, double target, String by) {
        if (kpi == null || Double.isNaN(target) || target < 0 || target > 100) {
            throw new InvalidInputException("target", "A KPI target is a percentage from 0 to 100");
        }
        int updated = jdbc.update("update kpi_target set target = ?, updated_at = ?, updated_by = ? where kpi = ?",
                target, Timestamp.from(Instant.now()), by, kpi.name());
        if (updated == 0) {
            jdbc.update("insert into kpi_target (kpi, target, updated_at, updated_by) values (?, ?, ?, ?)",
                    kpi.name(), target, Timestamp.from(Instant.now()), by);
        }
    }
}
