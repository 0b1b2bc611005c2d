package dev.hotline.customer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The per-node cache of customer cards and numbers.
 *
 * @param ttl     how long a cached card or number may be used (the staleness another node's change can have)
 * @param maxSize cards (and numbers) kept at most
 */
@ConfigurationProperties("hotline.customer.cache")
record CustomerCacheProperties(java.time.Duration ttl, long maxSize) {

    CustomerCacheProperties {
        ttl = ttl == null ? Duration.ofSeconds(60) : ttl;
        maxSize = maxSize <= 0 ? 200_000 : maxSize;
    }
}
