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

@Configuration(proxyBeanMethods = false)
class ServiceLevelConfiguration {

    @Bean
    EscalationSchedule escalationSchedule(RedisClient redis, RoutingProperties routing) {
        return new EscalationSchedule(redis, routing.keyPrefix());
    }

    @Bean
    ExecutorEscalationTimer escalationTimer(ObjectProvider<Clock> clock) {
        return new ExecutorEscalationTimer(clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    Escalations escalations(EscalationSchedule schedule, ContactRouting routing, ContactIntake contacts,
                            ApplicationEventPublisher events, ObjectProvider<Clock> clock,
                            ExecutorEscalationTimer escalationTimer, RoutingProperties properties) {
        return new Escalations(schedule, routing, contacts, events, clock.getIfUnique(Clock::systemUTC),
                escalationTimer, properties.sweepInterval());
    }
}
