package dev.hotline.followup;

import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Working visit tasks: list, take, assign, record the outcome. Agents act on their own and the pool's tasks;
 * supervisors on any. A NOT_SATISFIED outcome hands over to {@link Dissatisfaction}.
 */
@Service
public class Visits {

    private static final int LIST_LIMIT = 500;

    private final JdbcTemplate jdbc;
    private final Dissatisfaction dissatisfaction;
    private final Clock clock;

    Visits(JdbcTemplate jdbc, Dissatisfaction dissatisfaction, org.springframework.beans.factory.ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.dissatisfaction = dissatisfaction;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Up to 500 tasks, soonest due first. Agents see their own and the pool's, whatever assignee they ask for. */
    public List<VisitTask> list(VisitQuery query, FollowupActor actor) {
        var where = new ArrayList<String>();
        var args = new ArrayList<Object>();
        switch (query.view()) {
            case DUE_TODAY -> { where.add("status = 'OPEN' and due_on <= ?"); args.add(query.today()); }
            case OVERDUE -> { where.add("status = 'OPEN' and due_on < ?"); args.add(query.today()); }
            case OPEN -> where.add("status = 'OPEN'");
            case DONE -> where.add("status = 'DONE'");
            case ALL -> { }
        }
        if (!actor.supervisor()) {
            where.add("(assignee = ? or assignee is null)");
            args.add(actor.name());
        } else if (query.assignee() != null) {
            where.add("assignee = ?");
            args.add(query.assignee());
        }
        if (query.customerId() != null) {
            where.add("customer_id = ?");
            args.add(query.customerId());
        }
        String order = query.view() == VisitQuery.View.DONE ? "done_at desc" : "due_on, id";
        String sql = "select " + VisitRows.COLUMNS + " from visit_task"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by " + order + " limit " + LIST_LIMIT;
        return jdbc.query(sql, VisitRows.MAPPER, args.toArray());
    }

    public VisitTask get(long id, FollowupActor actor) {
        var task = find(id);
        if (!actor.supervisor() && task.assignee() != null && !task.assignee().equals(actor.name())) {
            throw new NotPermittedException("This visit belongs to " + task.assignee());
        }
        return task;
    }

    /** A supervisor plans a visit by hand. */
    @Transactional
    public VisitTask plan(long customerId, Long productId, LocalDate dueOn, String assignee, String note,
                          FollowupActor actor) {
        requireSupervisor(actor);
        Long exists = jdbc.queryForObject("select count(*) from customer where id = ?", Long.class, customerId);
        if (exists == null || exists == 0) {
            throw new InvalidInputException("customerId", "No customer " + customerId);
        }
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into visit_task (customer_id, product_id, reason, due_on, assignee, status, note,
                                            created_at, created_by)
                    values (?, ?, 'MANUAL', ?, ?, 'OPEN', ?, ?, ?)""", new String[]{"id"});
            ps.setLong(1, customerId);
            ps.setObject(2, productId);
            ps.setObject(3, dueOn);
            ps.setString(4, assignee);
            ps.setString(5, note);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.setString(7, actor.name());
            return ps;
        }, keys);
        return find(keys.getKey().longValue());
    }

    /** Supervisors assign anyone (null = back to the pool); an agent may only take a pool task for themself. */
    @Transactional
    public VisitTask assign(long id, String assignee, FollowupActor actor) {
        var task = lockOpen(id);
        if (!actor.supervisor() && !(task.assignee() == null && actor.name().equals(assignee))) {
            throw new NotPermittedException("Agents may only take pool visits for themselves");
        }
        jdbc.update("update visit_task set assignee = ? where id = ?", assignee, id);
        return find(id);
    }

    /** Records how the visit went; closes the task. NOT_SATISFIED reopens the ticket's complaint and raises the alarm. */
    @Transactional
    public VisitTask record(long id, VisitChannel channel, VisitOutcome outcome, String note, FollowupActor actor) {
        var task = lockOpen(id);
        if (!actor.supervisor() && task.assignee() != null && !task.assignee().equals(actor.name())) {
            throw new NotPermittedException("This visit belongs to " + task.assignee());
        }
        var now = clock.instant();
        jdbc.update("""
                update visit_task set status = 'DONE', channel = ?, outcome = ?, note = ?, open_tier_key = null,
                       done_at = ?, done_by = ?, assignee = coalesce(assignee, ?) where id = ?""",
                channel.name(), outcome.name(), note, Timestamp.from(now), actor.name(), actor.name(), id);
        if (outcome == VisitOutcome.NOT_SATISFIED) {
            dissatisfaction.notSatisfied(task.customerId(), task.ticketId(), null, id, null, note, actor.name(), now);
        }
        return find(id);
    }

    @Transactional
    public VisitTask cancel(long id, String note, FollowupActor actor) {
        requireSupervisor(actor);
        lockOpen(id);
        jdbc.update("update visit_task set status = 'CANCELLED', open_tier_key = null, note = ?, done_at = ?, "
                + "done_by = ? where id = ?", note, Timestamp.from(clock.instant()), actor.name(), id);
        return find(id);
    }

    private VisitTask lockOpen(long id) {
        var rows = jdbc.query("select " + VisitRows.COLUMNS + " from visit_task where id = ? for update",
                VisitRows.MAPPER, id);
        if (rows.isEmpty()) {
            throw new NotFoundException("visit", id);
        }
        if (rows.get(0).status() != VisitStatus.OPEN) {
            throw new ConflictException("visit-closed", "Visit " + id + " is already " + rows.get(0).status());
        }
        return rows.get(0);
    }

    private VisitTask find(long id) {
        var rows = jdbc.query("select " + VisitRows.COLUMNS + " from visit_task where id = ?", VisitRows.MAPPER, id);
        if (rows.isEmpty()) {
            throw new NotFoundException("visit", id);
        }
        return rows.get(0);
    }

    private static void requireSupervisor(FollowupActor actor) {
        if (!actor.supervisor()) {
            throw new NotPermittedException("Only supervisors plan and cancel visits");
        }
    }
}
