package dev.hotline.followup;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The daily follow-up run: plans tier visits and, from the report day on, stores last month's report. Cluster-safe:
 * ShedLock runs it on one node at a time (the ticket module's lock provider on the database), and both steps are
 * idempotent (unique keys), so a lock that expired mid-run still plans and reports nothing twice.
 */
@Component
class FollowupJobs {

    private static final Logger log = LoggerFactory.getLogger(FollowupJobs.class);

    private final VisitPlanner planner;
    private final MonthlyReports reports;
    private final FollowupCalendar calendar;
    private final Clock clock;

    FollowupJobs(VisitPlanner planner, MonthlyReports reports, FollowupCalendar calendar,
                 ObjectProvider<Clock> clock) {
        this.planner = planner;
        this.reports = reports;
        this.calendar = calendar;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Scheduled(cron = "${hotline.followup.planning-cron:0 30 1 * * *}", zone = "${hotline.ticket.calendar.zone:Asia/Shanghai}")
    @SchedulerLock(name = "followup-daily", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void daily() {
        run(calendar.today(clock));
    }

    /** One day's run; returns the month whose report it stored, or null. */
    YearMonth run(LocalDate today) {
        var now = clock.instant();
        planner.planTierVisits(today, now);
        var month = YearMonth.from(today);
        if (!today.isBefore(calendar.reportDueIn(month))) {
            var previous = month.minusMonths(1);
            if (reports.generateOnce(previous, now, "scheduler")) {
                log.info("Monthly follow-up report {} stored", previous);
                return previous;
            }
        }
        return null;
    }
}
