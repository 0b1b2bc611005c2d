package dev.hotline.servicelevel;

import dev.hotline.contact.ContactIntake;
import dev.hotline.routing.ContactRouting;
import dev.hotline.routing.RoutingProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
class ServiceLevelConfiguration {

    @Bean
    EscalationSchedule escalationSchedule(RedisClient redis, RoutingProperties routing) {
        return new EscalationSchedule(redis, routing.keyPrefix());
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService escalationExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "escalations");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    Escalations escalations(EscalationSchedule schedule, ContactRouting routing, ContactIntake contacts,
                            ApplicationEventPublisher events, ObjectProvider<Clock> clock,
                            ScheduledExecutorService escalationExecutor, RoutingProperties properties) {
        Clock c = clock.getIfUnique(Clock::systemUTC);
        EscalationTimer timer = (Instant when, Runnable task) -> {
            if (!escalationExecutor.isShutdown()) {
                escalationExecutor.schedule(task, Math.max(0, when.toEpochMilli() - c.millis()), TimeUnit.MILLISECONDS);
            }
        };
        return new Escalations(schedule, routing, contacts, events, c, timer, properties.sweepInterval());
    }
}
