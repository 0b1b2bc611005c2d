package dev.hotline.reporting;

import dev.hotline.servicelevel.ContactFigures;
import dev.hotline.ticket.KpiScorecard;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** One month for management: the queues, the agents, each day's figures and the KPI scorecard. */
record ManagementReport(YearMonth month, Instant from, Instant to, List<ContactFigures> queues,
                        List<ContactFigures> agents, List<ContactFigures> days, KpiScorecard scorecard) {
}
