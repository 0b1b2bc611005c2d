package dev.hotline.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RedisRoutingStore routingStore(RedisClient redis, RoutingProperties properties) {
        return new RedisRoutingStore(redis, properties.keyPrefix());
    }
}
