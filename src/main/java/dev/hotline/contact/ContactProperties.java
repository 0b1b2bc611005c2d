package dev.hotline.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param defaultQueue      queue for contacts whose entry point names none
 * @param defaultRingPeriod ring period until routing puts the contact in a queue with its own (China: 5 s)
 */
@ConfigurationProperties("hotline.contact")
public record ContactProperties(String defaultQueue, Duration defaultRingPeriod) {

    public ContactProperties {
        defaultQueue = defaultQueue == null || defaultQueue.isBlank() ? "hotline" : defaultQueue;
        defaultRingPeriod = defaultRingPeriod == null ? Duration.ofSeconds(5) : defaultRingPeriod;
    }
}
