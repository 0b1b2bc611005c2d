package dev.hotline.notification;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Sends the e-mails and SMS that are due, one node at a time (ShedLock), and retries failures with exponential
 * back-off until {@code maxAttempts}; then the delivery is FAILED and listed for admins. A send that succeeded but
 * whose status update was lost (node died in between) is sent again: outside channels are at-least-once.
 */
@Component
class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    /** Longer than any SMTP or Twilio call may take (their own timeouts are shorter). */
    private static final java.time.Duration SEND_LEASE = java.time.Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final NotificationProperties properties;
    private final ObjectProvider<JavaMailSender> mail;
    private final ObjectProvider<SmsGateway> sms;
    private final Clock clock;

    Deliveries(JdbcTemplate jdbc, NotificationProperties properties, ObjectProvider<JavaMailSender> mail,
               ObjectProvider<SmsGateway> sms, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.mail = mail;
        this.sms = sms;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    record Due(long id, String channel, String address, int attempts, String title, String body, String ticketNumber) {
    }

    @Scheduled(initialDelayString = "${hotline.notification.delivery-interval:5s}",
            fixedDelayString = "${hotline.notification.delivery-interval:5s}")
    @SchedulerLock(name = "notification-delivery", lockAtMostFor = "PT5M")
    void scheduledRun() {
        deliverDue(clock.instant());
    }

    /** Attempts every delivery due at {@code now}; returns how many were sent. */
    int deliverDue(Instant now) {
        List<Due> due = jdbc.query("""
                select d.id, d.channel, d.address, d.attempts, n.title, n.body, n.ticket_number
                from notification_delivery d join notification n on n.id = d.notification_id
                where d.status in ('PENDING', 'SENDING') and d.next_attempt_at <= ?
                order by d.next_attempt_at limit ?""",
                (rs, i) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)), Timestamp.from(now), properties.batchSize());
        int sent = 0;
        for (Due d : due) {
            if (!claim(d, now)) {
                continue;
            }
            try {
                send(d);
                jdbc.update("update notification_delivery set status = 'SENT', sent_at = ?, attempts = attempts + 1,"
                        + " last_error = null where id = ?", Timestamp.from(clock.instant()), d.id());
                sent++;
            } catch (RuntimeException e) {
                failed(d, e, now);
            }
        }
        return sent;
    }

    /** A delivery as admins see it (failures first). */
    record Attempted(long id, long notificationId, String recipient, String channel, String address, String status,
                     int attempts, Instant nextAttemptAt, String lastError, String title) {
    }

    List<Attempted> list(String status, int limit) {
        return jdbc.query("""
                select d.id, d.notification_id, n.recipient, d.channel, d.address, d.status, d.attempts,
                    d.next_attempt_at, d.last_error, n.title
                from notification_delivery d join notification n on n.id = d.notification_id
                where (? is null or d.status = ?) order by d.id desc limit ?""",
                (rs, i) -> new Attempted(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getInt(7), Notifications.instant(rs.getTimestamp(8)),
                        rs.getString(9), rs.getString(10)), status, status, limit);
    }

    /** An admin fixed the address or the SMTP settings: try a failed delivery again now. */
    boolean retry(long id) {
        return jdbc.update("update notification_delivery set status = 'PENDING', attempts = 0, next_attempt_at = ?"
                + " where id = ? and status = 'FAILED'", Timestamp.from(clock.instant()), id) == 1;
    }

    /**
     * Takes the delivery for this run: moves its next attempt past the send lease in one conditional update, so a
     * second runner (a lock that expired, a manual run) sees it not due; a runner that died mid-send leaves it
     * SENDING, and it is due again when the lease ends.
     */
    private boolean claim(Due d, Instant now) {
        return jdbc.update("""
                update notification_delivery set status = 'SENDING', next_attempt_at = ?
                where id = ? and status in ('PENDING', 'SENDING') and next_attempt_at <= ?""",
                Timestamp.from(now.plus(SEND_LEASE)), d.id(), Timestamp.from(now)) == 1;
    }

    private void send(Due d) {
        String text = d.body() + (properties.consoleUrl().isEmpty() ? "" : "\n" + properties.consoleUrl());
        switch (Notifications.Channel.valueOf(d.channel())) {
            case EMAIL -> {
                var sender = mail.getIfAvailable();
                if (sender == null) {
                    throw new IllegalStateException("e-mail is not configured (spring.mail.host)");
                }
                var message = new SimpleMailMessage();
                message.setFrom(properties.mailFrom());
                message.setTo(d.address());
                message.setSubject(d.title());
                message.setText(text);
                sender.send(message);
            }
            case SMS -> {
                var gateway = sms.getIfAvailable();
                if (gateway == null) {
                    throw new IllegalStateException("no SMS provider is configured (hotline.twilio.*)");
                }
                gateway.send(d.address(), d.title() + ": " + text);
            }
        }
    }

    private void failed(Due d, RuntimeException e, Instant now) {
        int failures = d.attempts() + 1;
        boolean last = failures >= properties.maxAttempts();
        String error = String.valueOf(e.getMessage());
        log.warn("{} notification to {} failed (attempt {}{}): {}", d.channel(), d.address(), failures,
                last ? ", giving up" : "", error);
        jdbc.update("update notification_delivery set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?"
                        + " where id = ?", last ? "FAILED" : "PENDING", failures,
                Timestamp.from(now.plus(properties.backOff(failures))),
                error.length() > 1000 ? error.substring(0, 1000) : error, d.id());
    }
}
