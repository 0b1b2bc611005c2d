package dev.hotline.notification;

import dev.hotline.shared.People;
import dev.hotline.shared.Person;
import dev.hotline.ticket.ComplaintEscalated;
import dev.hotline.ticket.MajorIncidentOpened;
import dev.hotline.ticket.Severity;
import dev.hotline.ticket.TicketClosed;
import dev.hotline.ticket.TicketDeadlineMissed;
import dev.hotline.ticket.TicketDeadlineNear;
import dev.hotline.ticket.TicketManagement;
import dev.hotline.ticket.TicketStatusChanged;
import dev.hotline.ticket.TicketType;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is told about what (SPEC §5; 003 §4.4.4–6, §6.4.2; 004 §6.0 4.6); the defaults below, changed per rule with
 * {@code hotline.notification.audiences.*}. Each listener is durable (the event publication registry retries it after
 * a crash) and idempotent (the notification's unique key).
 * <ul>
 * <li>major complaint or incident → general managers and the responsible department's head</li>
 * <li>deadline near → the ticket's owner and their supervisor</li>
 * <li>deadline missed → owner, supervisor and general managers</li>
 * <li>complaint reopened (customer not satisfied) → general managers copied, and the owner</li>
 * <li>complaint escalated to major after a missed deadline → general managers and the department head</li>
 * <li>a major complaint closed → general managers; a complaint handed to a department → its head</li>
 * </ul>
 */
@Component
class EscalationRules {

    private final Notifications notifications;
    private final People people;
    private final TicketManagement tickets;

    private final NotificationProperties properties;

    EscalationRules(Notifications notifications, People people, TicketManagement tickets,
                    NotificationProperties properties) {
        this.notifications = notifications;
        this.people = people;
        this.tickets = tickets;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(MajorIncidentOpened e) {
        String what = e.type() == TicketType.EMERGENCY ? "突发事件 Emergency" : "重大投诉 Major " + english(e.type());
        notifications.raise(new Notice("major:" + e.ticketId(), Notice.Rule.MAJOR_INCIDENT, e.ticketId(), e.number(),
                what + " " + e.number(),
                what + " " + e.number() + (e.subject() == null ? "" : ": " + e.subject())
                        + "\n请在 24 小时内组织处理 / to be resolved within 24 h by the special team.",
                e.at(), audience(Notice.Rule.MAJOR_INCIDENT, e.assignee(), e.ticketId())));
    }

    @ApplicationModuleListener
    void on(TicketDeadlineNear e) {
        notifications.raise(new Notice("near:" + e.ticketId() + ":" + e.kind(), Notice.Rule.DEADLINE_NEAR,
                e.ticketId(), e.number(), "时限将到 Deadline near " + e.number(),
                e.number() + ": " + e.kind() + " 时限 due " + e.dueAt(), e.dueAt(),
                audience(Notice.Rule.DEADLINE_NEAR, e.assignee(), e.ticketId())));
    }

    @ApplicationModuleListener
    void on(TicketDeadlineMissed e) {
        notifications.raise(new Notice("missed:" + e.ticketId() + ":" + e.kind(), Notice.Rule.DEADLINE_MISSED,
                e.ticketId(), e.number(), "已超时 Deadline missed " + e.number(),
                e.number() + ": " + e.kind() + " 时限已过 was due " + e.dueAt(), e.dueAt(),
                audience(Notice.Rule.DEADLINE_MISSED, e.assignee(), e.ticketId())));
    }

    @ApplicationModuleListener
    void on(ComplaintEscalated e) {
        boolean reopened = e.reason() == ComplaintEscalated.Reason.REOPENED;
        var rule = reopened ? Notice.Rule.COMPLAINT_REOPENED : Notice.Rule.COMPLAINT_ESCALATED;
        var recipients = audience(rule, e.assignee(), e.ticketId());
        String title = reopened ? "客户不满意，投诉重新处理 Complaint reopened " : "投诉升级为重大 Complaint escalated ";
        notifications.raise(new Notice("escalated:" + e.ticketId() + ":" + e.reason() + ":" + e.at().toEpochMilli(),
                rule, e.ticketId(), e.number(),
                title + e.number(), title + e.number() + (e.detail() == null ? "" : ": " + e.detail()), e.at(),
                recipients));
    }

    // the conditions keep the event publication registry from storing (and completing) a row for every ticket closed
    // or moved that no rule here is about: every finished call closes a ticket
    @ApplicationModuleListener(condition = "#root.args[0].type() == T(dev.hotline.ticket.TicketType).COMPLAINT")
    void on(TicketClosed e) {
        var ticket = tickets.find(e.ticketId());
        if (ticket.map(t -> t.fields().severity() != Severity.MAJOR).orElse(true)) {
            return;
        }
        notifications.raise(new Notice("closed:" + e.ticketId() + ":" + e.closedAt().toEpochMilli(),
                Notice.Rule.MAJOR_CLOSED, e.ticketId(), e.number(), "重大投诉已关闭 Major complaint closed " + e.number(),
                e.number() + (e.everReopened() ? " (曾重新处理 was reopened)" : ""), e.closedAt(),
                audience(Notice.Rule.MAJOR_CLOSED, ticket.get().assignee(), e.ticketId())));
    }

    @ApplicationModuleListener(condition = "#root.args[0].to() == T(dev.hotline.ticket.TicketStatus).ANALYSED")
    void on(TicketStatusChanged e) {
        var ticket = tickets.find(e.ticketId());
        String department = ticket.map(t -> t.fields().responsibleDepartment()).orElse(null);
        if (department == null) {
            return;
        }
        notifications.raise(new Notice("handed:" + e.ticketId() + ":" + department, Notice.Rule.HANDED_TO_DEPARTMENT,
                e.ticketId(), e.number(), "转交责任部门 Handed to " + department + " " + e.number(),
                e.number() + ": " + Optional.ofNullable(ticket.get().fields().cause()).orElse(""), e.at(),
                audience(Notice.Rule.HANDED_TO_DEPARTMENT, ticket.get().assignee(), e.ticketId())));
    }

    /**
     * The people the rule's audiences name for a ticket owned by {@code assignee}; the ticket (for its responsible
     * department) is read only when a department head is wanted.
     */
    private List<Person> audience(Notice.Rule rule, String assignee, long ticketId) {
        var people = new ArrayList<Person>();
        for (Audience audience : properties.audiences().getOrDefault(rule, Set.of())) {
            switch (audience) {
                case OWNER -> this.people.find(assignee).ifPresent(people::add);
                case SUPERVISOR -> people.addAll(this.people.supervisorsOf(assignee));
                case GENERAL_MANAGER -> people.addAll(this.people.generalManagers());
                case DEPARTMENT_HEAD -> tickets.find(ticketId).map(t -> t.fields().responsibleDepartment())
                        .flatMap(this.people::headOf).ifPresent(people::add);
            }
        }
        return people;
    }

    private static String english(TicketType type) {
        return type == null ? "case" : type.name().toLowerCase().replace('_', '/');
    }
}
