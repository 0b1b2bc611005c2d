package dev.hotline.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * @param deliveryInterval how often e-mails and SMS due are sent (one node at a time)
 * @param batchSize        deliveries sent per run
 * @param firstRetry       wait after the first failed attempt; doubled after each further failure
 * @param maxRetry         the longest wait between attempts
 * @param maxAttempts      after this many failures a delivery is FAILED and shown to admins
 * @param mailFrom         sender address of notification e-mails
 * @param consoleUrl       link to the console put into e-mails and SMS (empty: none)
 * @param audiences        whom each escalation rule tells; a rule left out keeps its default
 */
@ConfigurationProperties("hotline.notification")
record NotificationProperties(Duration deliveryInterval, int batchSize, Duration firstRetry, Duration maxRetry,
                              int maxAttempts, String mailFrom, String consoleUrl,
                              Map<Notice.Rule, Set<Audience>> audiences) {

    /** SPEC §5 and 003 §4.4, §6.4. */
    static final Map<Notice.Rule, Set<Audience>> DEFAULT_AUDIENCES = Map.of(
            Notice.Rule.MAJOR_INCIDENT, Set.of(Audience.GENERAL_MANAGER, Audience.DEPARTMENT_HEAD),
            Notice.Rule.DEADLINE_NEAR, Set.of(Audience.OWNER, Audience.SUPERVISOR),
            Notice.Rule.DEADLINE_MISSED, Set.of(Audience.OWNER, Audience.SUPERVISOR, Audience.GENERAL_MANAGER),
            Notice.Rule.COMPLAINT_REOPENED, Set.of(Audience.GENERAL_MANAGER, Audience.OWNER),
            Notice.Rule.COMPLAINT_ESCALATED, Set.of(Audience.GENERAL_MANAGER, Audience.DEPARTMENT_HEAD),
            Notice.Rule.MAJOR_CLOSED, Set.of(Audience.GENERAL_MANAGER),
            Notice.Rule.HANDED_TO_DEPARTMENT, Set.of(Audience.DEPARTMENT_HEAD));

    NotificationProperties {
        deliveryInterval = deliveryInterval == null ? Duration.ofSeconds(5) : deliveryInterval;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "hotline@localhost" : mailFrom.strip();
        consoleUrl = consoleUrl == null ? "" : consoleUrl.strip();
        var all = new EnumMap<Notice.Rule, Set<Audience>>(DEFAULT_AUDIENCES);
        if (audiences != null) {
            all.putAll(audiences);
        }
        audiences = Map.copyOf(all);
    }

    /** Wait before attempt {@code failures + 1}: firstRetry · 2^(failures−1), at most maxRetry. */
    Duration backOff(int failures) {
        int doublings = Math.min(Math.max(0, failures - 1), 20);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
