package dev.hotline.notification;

import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import dev.hotline.shared.Person;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores notifications and their outside deliveries. A notification is a row unique per (event, recipient): the
 * insert of a second delivery of the same event (another node, a redelivered publication) waits for the first
 * transaction and is then ignored, so nobody is told twice.
 */
@Service
class Notifications {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<SmsGateway> sms;
    private final Clock clock;

    Notifications(JdbcTemplate jdbc, ApplicationEventPublisher events, ObjectProvider<JavaMailSender> mail,
                  ObjectProvider<SmsGateway> sms, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.mail = mail;
        this.sms = sms;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Notifies each recipient who has not been notified of this event yet; returns the new notifications' ids. */
    @Transactional
    List<Long> raise(Notice notice) {
        Instant now = clock.instant();
        var created = new ArrayList<Long>();
        for (Person person : notice.recipients()) {
            int inserted = jdbc.update("""
                    insert ignore into notification (event_key, recipient, rule, ticket_id, ticket_number, title, body,
                        occurred_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    notice.eventKey(), person.username(), notice.rule().name(), notice.ticketId(),
                    notice.ticketNumber(), clip(notice.title(), 255), clip(notice.body(), 2000),
                    Timestamp.from(notice.occurredAt()), Timestamp.from(now));
            if (inserted == 0) {
                continue;
            }
            long id = jdbc.queryForObject("select id from notification where event_key = ? and recipient = ?",
                    Long.class, notice.eventKey(), person.username());
            created.add(id);
            deliveries(id, person, now);
            if (person.byInApp()) {
                events.publishEvent(new NotificationRaised(id, person.username(), notice.rule().name(),
                        notice.title(), notice.body(), notice.ticketId(), notice.ticketNumber(), notice.occurredAt()));
            }
        }
        return created;
    }

    /** Outside channels the person chose and this installation can use (SMTP configured, an SMS gateway present). */
    private void deliveries(long notificationId, Person person, Instant now) {
        if (person.byEmail() && person.email() != null && mail.getIfAvailable() != null) {
            delivery(notificationId, Channel.EMAIL, person.email(), now);
        }
        if (person.bySms() && person.mobile() != null && sms.getIfAvailable() != null) {
            delivery(notificationId, Channel.SMS, person.mobile(), now);
        }
    }

    private void delivery(long notificationId, Channel channel, String address, Instant now) {
        jdbc.update("""
                insert into notification_delivery (notification_id, channel, address, status, next_attempt_at)
                values (?, ?, ?, 'PENDING', ?)""", notificationId, channel.name(), address, Timestamp.from(now));
    }

    enum Channel {
        EMAIL, SMS
    }

    record Listed(long id, String rule, Long ticketId, String ticketNumber, String title, String body,
                  Instant occurredAt, Instant createdAt, Instant acknowledgedAt) {
    }

    List<Listed> of(String recipient, boolean unacknowledgedOnly, int limit) {
        return jdbc.query("""
                select id, rule, ticket_id, ticket_number, title, body, occurred_at, created_at, acknowledged_at
                from notification where recipient = ? and (? = false or acknowledged_at is null)
                order by id desc limit ?""", (rs, n) -> new Listed(rs.getLong(1), rs.getString(2),
                        (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getString(6),
                        instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), instant(rs.getTimestamp(9))),
                recipient, unacknowledgedOnly, limit);
    }

    /** The recipient has seen it; acknowledging twice keeps the first time. */
    @Transactional
    void acknowledge(long id, String user) {
        var owner = jdbc.query("select recipient from notification where id = ?", (rs, n) -> rs.getString(1), id);
        if (owner.isEmpty()) {
            throw new NotFoundException("Notification", id);
        }
        if (!owner.get(0).equals(user)) {
            throw new NotPermittedException("Notification " + id + " is someone else's");
        }
        jdbc.update("update notification set acknowledged_at = ? where id = ? and acknowledged_at is null",
                Timestamp.from(clock.instant()), id);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
