package dev.hotline.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param deliveryInterval how often e-mails and SMS due are sent (one node at a time)
 * @param batchSize        deliveries sent per run
 * @param firstRetry       wait after the first failed attempt; doubled after each further failure
 * @param maxRetry         the longest wait between attempts
 * @param maxAttempts      after this many failures a delivery is FAILED and shown to admins
 * @param mailFrom         sender address of notification e-mails
 * @param consoleUrl       link to the console put into e-mails and SMS (empty: none)
 */
@ConfigurationProperties("hotline.notification")
record NotificationProperties(Duration deliveryInterval, int batchSize, Duration firstRetry, Duration maxRetry,
                              int maxAttempts, String mailFrom, String consoleUrl) {

    NotificationProperties {
        deliveryInterval = deliveryInterval == null ? Duration.ofSeconds(5) : deliveryInterval;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(30) : maxRetry;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        mailFrom = mailFrom == null || mailFrom.isBlank() ? "hotline@localhost" : mailFrom.strip();
        consoleUrl = consoleUrl == null ? "" : consoleUrl.strip();
    }

    /** Wait before attempt {@code failures + 1}: firstRetry · 2^(failures−1), at most maxRetry. */
    Duration backOff(int failures) {
        int doublings = Math.min(Math.max(0, failures - 1), 20);
        Duration wait = firstRetry.multipliedBy(1L << doublings);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
