/**
 * The reports a service manager runs the hotline by: contact figures (from servicelevel) and ticket KPIs against
 * targets (from ticket, with the satisfaction surveys of followup) for any period, and the monthly management report, generated on schedule and kept for download.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "servicelevel", "ticket", "followup"})
package dev.hotline.reporting;
