package dev.hotline.routing;

import dev.hotline.shared.infra.EmbeddedProperties;
import dev.hotline.shared.infra.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/** Just the shared RedisClient on the JVM's one embedded redis-server: for store tests that need no application. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisProperties.class, EmbeddedProperties.class})
@ComponentScan(basePackages = "dev.hotline.shared.infra", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.RedisConfiguration"))
public class RedisOnlyConfiguration {
}
