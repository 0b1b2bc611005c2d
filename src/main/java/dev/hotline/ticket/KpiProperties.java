package dev.hotline.ticket;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.EnumMap;
import java.util.Map;

/** @param targets default target per KPI, in percent (an admin may override each through the API) */
@ConfigurationProperties("hotline.kpi")
record KpiProperties(Map<Kpi, Double> targets) {

    KpiProperties {
        var all = new EnumMap<Kpi, Double>(Kpi.class);
        if (targets != null) {
            all.putAll(targets);
        }
        for (Kpi kpi : Kpi.values()) {
            if (!all.containsKey(kpi)) {
                throw new IllegalArgumentException("hotline.kpi.targets." + kpi + " is not set");
            }
        }
        targets = Map.copyOf(all);
    }
}
