package dev.hotline.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;

/**
 * Routing defaults. Queue-specific values (strategy, ring timings, escalation rings, zone) are stored per queue; these
 * are what a new queue gets when the admin leaves them out.
 *
 * @param defaultQueue       queue for contacts whose entry point named none (or an unknown one)
 * @param wrapUp             WRAP_UP time after the agent's last contact, then AVAILABLE automatically
 * @param sticky             how long a customer's last agent is preferred (0 = off)
 * @param telephonyProviders voice contacts from these providers are answered when telephony connects them; all
 *                           others (api, console, every text channel) are answered when the agent accepts
 * @param sweepInterval      how often every node sweeps the Redis timers (ring deadlines, wrap-up ends, escalations)
 * @param keyPrefix          prefix of every Redis key routing and servicelevel write
 * @param reofferPause       an agent who declined or missed a contact is offered it again only when no other agent
 *                           can take it, and not before this pause has passed
 * @param journal            how the contact record is written behind from routing's journal
 */
@ConfigurationProperties("hotline.routing")
public record RoutingProperties(String defaultQueue, RoutingStrategy strategy, Duration ringNoAnswer,
                                Duration ringPeriod, int alertRing, int widenRing, int overflowRing, ZoneId zone,
                                Duration wrapUp, Duration sticky, int voiceCapacity, int textCapacity,
                                Set<String> telephonyProviders, Duration sweepInterval, String keyPrefix,
                                Duration reofferPause, Journal journal) {

    /**
     * @param batchSize entries recorded per database transaction at most
     * @param maxDelay  how long the writer waits for new entries before it looks again
     */
    public record Journal(int batchSize, Duration maxDelay) {
        public Journal {
            batchSize = batchSize <= 0 ? 500 : batchSize;
            maxDelay = maxDelay == null ? Duration.ofMillis(100) : maxDelay;
        }
    }

    public RoutingProperties {
        defaultQueue = defaultQueue == null || defaultQueue.isBlank() ? "hotline" : defaultQueue;
        strategy = strategy == null ? RoutingStrategy.LONGEST_IDLE : strategy;
        ringNoAnswer = ringNoAnswer == null ? Duration.ofSeconds(15) : ringNoAnswer;
        ringPeriod = ringPeriod == null ? Duration.ofSeconds(5) : ringPeriod;
        alertRing = alertRing <= 0 ? 2 : alertRing;
        widenRing = widenRing <= 0 ? 3 : widenRing;
        overflowRing = overflowRing <= 0 ? 4 : overflowRing;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        wrapUp = wrapUp == null ? Duration.ofSeconds(30) : wrapUp;
        sticky = sticky == null ? Duration.ofMinutes(10) : sticky;
        voiceCapacity = voiceCapacity <= 0 ? 1 : voiceCapacity;
        textCapacity = textCapacity <= 0 ? 3 : textCapacity;
        telephonyProviders = telephonyProviders == null ? Set.of("asterisk", "twilio") : Set.copyOf(telephonyProviders);
        sweepInterval = sweepInterval == null ? Duration.ofSeconds(1) : sweepInterval;
        keyPrefix = keyPrefix == null || keyPrefix.isBlank() ? "hotline:" : keyPrefix;
        reofferPause = reofferPause == null ? Duration.ofSeconds(5) : reofferPause;
        journal = journal == null ? new Journal(0, null) : journal;
    }
}
