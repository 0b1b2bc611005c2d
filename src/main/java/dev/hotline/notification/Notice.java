package dev.hotline.notification;

import dev.hotline.shared.Person;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What one escalation rule tells whom about one event. {@code eventKey} names the event (not the rule), so the same
 * event reaching a person through two rules or two deliveries is one notification.
 */
record Notice(String eventKey, Rule rule, Long ticketId, String ticketNumber, String title, String body,
              Instant occurredAt, List<Person> recipients) {

    /** The escalation rules of SPEC §5 and seeds 003 §4.4, §6.4. */
    enum Rule {
        MAJOR_INCIDENT, DEADLINE_NEAR, DEADLINE_MISSED, COMPLAINT_ESCALATED, COMPLAINT_REOPENED,
        MAJOR_CLOSED, HANDED_TO_DEPARTMENT
    }

    Notice {
        // one person named twice (owner who is also a manager) is told once
        var unique = new LinkedHashMap<String, Person>();
        recipients.forEach(p -> unique.putIfAbsent(p.username(), p));
        recipients = List.copyOf(unique.values());
    }
}
