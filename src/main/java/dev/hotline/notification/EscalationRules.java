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
import dev.hotline.ticket.TicketStatus;
import dev.hotline.ticket.TicketStatusChanged;
import dev.hotline.ticket.TicketType;
import dev.hotline.ticket.TicketView;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Who is told about what (SPEC §5; 003 §4.4.4–6, §6.4.2; 004 §6.0 4.6). Each listener is durable (the event
 * publication registry retries it after a crash) and idempotent (the notification's unique key).
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

    EscalationRules(Notifications notifications, People people, TicketManagement tickets) {
        this.notifications = notifications;
        this.people = people;
        this.tickets = tickets;
    }

    @ApplicationModuleListener
    void on(MajorIncidentOpened e) {
        var ticket = tickets.find(e.ticketId());
        String what = e.type() == TicketType.EMERGENCY ? "突发事件 Emergency" : "重大投诉 Major " + english(e.type());
        notifications.raise(new Notice("major:" + e.ticketId(), Notice.Rule.MAJOR_INCIDENT, e.ticketId(), e.number(),
                what + " " + e.number(),
                what + " " + e.number() + (e.subject() == null ? "" : ": " + e.subject())
                        + "\n请在 24 小时内组织处理 / to be resolved within 24 h by the special team.",
                e.at(), Notice.all(people.generalManagers(), departmentHead(ticket))));
    }

    @ApplicationModuleListener
    void on(TicketDeadlineNear e) {
        notifications.raise(new Notice("near:" + e.ticketId() + ":" + e.kind(), Notice.Rule.DEADLINE_NEAR,
                e.ticketId(), e.number(), "时限将到 Deadline near " + e.number(),
                e.number() + ": " + e.kind() + " 时限 due " + e.dueAt(), e.dueAt(),
                Notice.all(owner(e.assignee()), supervisors(e.assignee()))));
    }

    @ApplicationModuleListener
    void on(TicketDeadlineMissed e) {
        notifications.raise(new Notice("missed:" + e.ticketId() + ":" + e.kind(), Notice.Rule.DEADLINE_MISSED,
                e.ticketId(), e.number(), "已超时 Deadline missed " + e.number(),
                e.number() + ": " + e.kind() + " 时限已过 was due " + e.dueAt(), e.dueAt(),
                Notice.all(owner(e.assignee()), supervisors(e.assignee()), people.generalManagers())));
    }

    @ApplicationModuleListener
    void on(ComplaintEscalated e) {
        boolean reopened = e.reason() == ComplaintEscalated.Reason.REOPENED;
        var recipients = reopened
                ? Notice.all(people.generalManagers(), owner(e.assignee()))
                : Notice.all(people.generalManagers(), departmentHead(tickets.find(e.ticketId())));
        String title = reopened ? "客户不满意，投诉重新处理 Complaint reopened " : "投诉升级为重大 Complaint escalated ";
        notifications.raise(new Notice("escalated:" + e.ticketId() + ":" + e.reason() + ":" + e.at().toEpochMilli(),
                reopened ? Notice.Rule.COMPLAINT_REOPENED : Notice.Rule.COMPLAINT_ESCALATED, e.ticketId(), e.number(),
                title + e.number(), title + e.number() + (e.detail() == null ? "" : ": " + e.detail()), e.at(),
                recipients));
    }

    @ApplicationModuleListener
    void on(TicketClosed e) {
        if (e.type() != TicketType.COMPLAINT) {
            return;
        }
        var ticket = tickets.find(e.ticketId());
        if (ticket.map(t -> t.fields().severity() != Severity.MAJOR).orElse(true)) {
            return;
        }
        notifications.raise(new Notice("closed:" + e.ticketId() + ":" + e.closedAt().toEpochMilli(),
                Notice.Rule.MAJOR_CLOSED, e.ticketId(), e.number(), "重大投诉已关闭 Major complaint closed " + e.number(),
                e.number() + (e.everReopened() ? " (曾重新处理 was reopened)" : ""), e.closedAt(),
                people.generalManagers()));
    }

    @ApplicationModuleListener
    void on(TicketStatusChanged e) {
        if (e.to() != TicketStatus.ANALYSED) {
            return;
        }
        var ticket = tickets.find(e.ticketId());
        var head = departmentHead(ticket);
        if (head.isEmpty()) {
            return;
        }
        String department = ticket.get().fields().responsibleDepartment();
        notifications.raise(new Notice("handed:" + e.ticketId() + ":" + department, Notice.Rule.HANDED_TO_DEPARTMENT,
                e.ticketId(), e.number(), "转交责任部门 Handed to " + department + " " + e.number(),
                e.number() + ": " + Optional.ofNullable(ticket.get().fields().cause()).orElse(""), e.at(), head));
    }

    private List<Person> owner(String assignee) {
        return people.find(assignee).map(List::of).orElse(List.of());
    }

    /** The owner's supervisor; every supervisor when the ticket has no owner or the owner no supervisor. */
    private List<Person> supervisors(String assignee) {
        return people.supervisorsOf(assignee);
    }

    private List<Person> departmentHead(Optional<TicketView> ticket) {
        return ticket.map(t -> t.fields().responsibleDepartment()).flatMap(people::headOf).map(List::of)
                .orElse(List.of());
    }

    private static String english(TicketType type) {
        return type == null ? "case" : type.name().toLowerCase().replace('_', '/');
    }
}
