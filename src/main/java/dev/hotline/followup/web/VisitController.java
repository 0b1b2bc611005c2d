package dev.hotline.followup.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.followup.Coverage;
import dev.hotline.followup.FollowupCalendar;
import dev.hotline.followup.VisitChannel;
import dev.hotline.followup.VisitOutcome;
import dev.hotline.followup.VisitPlanner;
import dev.hotline.followup.VisitQuery;
import dev.hotline.followup.VisitTask;
import dev.hotline.followup.Visits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Return visits: agents list and work their own and the pool's; supervisors plan, assign, cancel and see coverage. */
@Tag(name = "Follow-up", description = "Return visits and satisfaction surveys")
@RestController
@RequestMapping("/api/followup/visits")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'AGENT')")
class VisitController {

    private final Visits visits;
    private final VisitPlanner planner;
    private final FollowupCalendar calendar;
    private final Clock clock;

    VisitController(Visits visits, VisitPlanner planner, FollowupCalendar calendar, ObjectProvider<Clock> clock) {
        this.visits = visits;
        this.planner = planner;
        this.calendar = calendar;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    record PlanRequest(@NotNull @Min(1) Long customerId, Long productId, @NotNull LocalDate dueOn,
                       @Size(max = 64) String assignee, @Size(max = 2000) String note) {
    }

    record AssignRequest(@Size(max = 64) String assignee) {
    }

    record OutcomeRequest(@NotNull VisitChannel channel, @NotNull VisitOutcome outcome,
                          @Size(max = 2000) String note) {
    }

    record CancelRequest(@Size(max = 2000) String note) {
    }

    /** {@code view}: DUE_TODAY (default), OVERDUE, OPEN, DONE, ALL. */
    @Operation(summary = "Return-visit tasks (own and pool for agents)")
    @GetMapping
    List<VisitTask> list(@RequestParam(defaultValue = "DUE_TODAY") VisitQuery.View view,
                         @RequestParam(required = false) String assignee,
                         @RequestParam(required = false) Long customerId, Authentication auth) {
        return visits.list(new VisitQuery(view, assignee, customerId, calendar.today(clock)), Actors.of(auth));
    }

    @Operation(summary = "One return-visit task")
    @GetMapping("/{id}")
    VisitTask get(@PathVariable long id, Authentication auth) {
        return visits.get(id, Actors.of(auth));
    }

    @Operation(summary = "Plan a return visit by hand")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    VisitTask plan(@Valid @RequestBody PlanRequest body, Authentication auth) {
        return visits.plan(body.customerId(), body.productId(), body.dueOn(), blankToNull(body.assignee()),
                body.note(), Actors.of(auth));
    }

    @Operation(summary = "Give a visit task to an agent or the pool")
    @PutMapping("/{id}/assignee")
    VisitTask assign(@PathVariable long id, @Valid @RequestBody AssignRequest body, Authentication auth) {
        return visits.assign(id, blankToNull(body.assignee()), Actors.of(auth));
    }

    @Operation(summary = "Record the outcome of a visit")
    @PostMapping("/{id}/outcome")
    VisitTask record(@PathVariable long id, @Valid @RequestBody OutcomeRequest body, Authentication auth) {
        return visits.record(id, body.channel(), body.outcome(), body.note(), Actors.of(auth));
    }

    @Operation(summary = "Cancel a visit task")
    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    VisitTask cancel(@PathVariable long id, @Valid @RequestBody CancelRequest body, Authentication auth) {
        return visits.cancel(id, body.note(), Actors.of(auth));
    }

    /** This year's 5 % coverage and what is still due. */
    @Operation(summary = "Yearly visit coverage (the 5 % rule) and what is due")
    @GetMapping("/coverage")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    Coverage coverage(@RequestParam(required = false) Integer year) {
        var today = calendar.today(clock);
        return planner.coverage(year == null ? today.getYear() : year, today);
    }

    /** Open tasks per agent (null = pool): due by today, overdue, done this month. */
    @Operation(summary = "Visits due, overdue and done per agent")
    @GetMapping("/per-agent")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<Map<String, Object>> perAgent() {
        return planner.perAgent(calendar.today(clock));
    }

    /** Runs today's tier planning now (admins; the daily job does it on its own). */
    @Operation(summary = "Run the visit planning now")
    @PostMapping("/planning")
    @PreAuthorize("hasRole('ADMIN')")
    Map<String, Integer> planNow() {
        var today = calendar.today(clock);
        return Map.of("planned", planner.planTierVisits(today, clock.instant()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
