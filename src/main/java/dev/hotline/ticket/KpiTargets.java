package dev.hotline.ticket;

import java.util.Map;

/** The target of each KPI: the configured default unless an admin set another. */
public interface KpiTargets {

    Map<Kpi, Double> current();

    /** Sets a target (a percentage, 0–100). */
    void set(Kpi kpi, double target, String by);
}
