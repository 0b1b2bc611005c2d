package dev.hotline.shared.infra;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import dev.hotline.shared.RedisEndpoint;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.RedisClient;

import java.net.URI;

/** The Jedis client for live routing state, on the configured Redis or on the embedded redis-server. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean
    RedisEndpoint redisEndpoint(RedisProperties properties, EmbeddedProperties embedded) {
        String url = properties.embedded() ? EmbeddedRedis.startOnce(embedded.redisPort(), embedded.dataDir()) : properties.url();
        return new RedisEndpoint(URI.create(url));
    }

    @Bean(destroyMethod = "close")
    RedisClient redisClient(RedisEndpoint endpoint, RedisProperties properties) {
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(properties.poolSize());
        pool.setMaxIdle(properties.poolSize());
        pool.setMinIdle(2);
        return RedisClient.builder().fromURI(endpoint.uri()).poolConfig(pool).build();
    }

    @Bean
    HealthIndicator redisHealthIndicator(RedisClient redis) {
        return () -> {
            try {
                return "PONG".equals(redis.ping()) ? Health.up().build() : Health.down().build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }
}
