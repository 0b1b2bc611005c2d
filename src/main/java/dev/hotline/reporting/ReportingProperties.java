package dev.hotline.reporting;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/**
 * @param zone         months and days of the reports begin at midnight here
 * @param monthlyCron  when last month's management report is generated (in {@code zone})
 * @param maxDays      the longest period one contact report request may cover
 */
@ConfigurationProperties("hotline.reporting")
record ReportingProperties(ZoneId zone, String monthlyCron, int maxDays) {

    ReportingProperties {
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        monthlyCron = monthlyCron == null || monthlyCron.isBlank() ? "0 0 2 1 * *" : monthlyCron;
        maxDays = maxDays <= 0 ? 400 : maxDays;
    }
}
