package dev.hotline.shared.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param url      external Redis, e.g. {@code redis://:password@redis:6379/0}; empty starts the embedded redis-server
 * @param poolSize connections kept for routing and pub/sub
 */
@ConfigurationProperties("hotline.redis")
public record RedisProperties(String url, int poolSize) {

    public RedisProperties {
        poolSize = poolSize <= 0 ? 64 : poolSize;
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}
