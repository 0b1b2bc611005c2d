package dev.hotline.console;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay is stopped and started again whenever its context pauses (a test context switch; a lifecycle restart):
 * quick stop/start cycles must leave exactly one subscription and no subscribed connection in the shared pool.
 */
@SpringBootTest
class ConsoleRelayLifecycleTests {

    @Autowired
    ConsoleRelay relay;

    @Autowired
    RedisClient redis;

    @Autowired
    ConsoleProperties properties;

    @Test
    void stopStartCyclesLeaveOneSubscriptionAndAHealthyPool() {
        String channel = properties.relayChannel();
        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers(channel) >= 1);
        long before = subscribers(channel);

        for (int i = 0; i < 25; i++) {
            relay.stop();
            relay.start();
            if (i % 5 == 0) {
                sleep(i);   // some stops land before Redis confirmed the SUBSCRIBE, some after
            }
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> subscribers(channel) == before);
        String key = "hotline:test:relay-pool:" + UUID.randomUUID();
        IntStream.range(0, 200).parallel().forEach(i -> redis.hset(key, "f" + i, "v"));
        assertThat(redis.hlen(key)).isEqualTo(200);
        redis.del(key);

        String agent = "relay-" + UUID.randomUUID().toString().substring(0, 8);
        long sentAfter = System.currentTimeMillis();
        relay.toAgent(agent, "/queue/state", new Ping("still relaying"));
        // a new sequence starts at the current millisecond (a console holding numbers of an expired one sees a gap)
        assertThat(relay.lastSequence(agent)).isBetween(sentAfter, System.currentTimeMillis());
    }

    record Ping(String text) {
    }

    private long subscribers(String channel) {
        List<?> reply = (List<?>) redis.sendCommand(Protocol.Command.PUBSUB, "NUMSUB", channel);
        return (Long) reply.get(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
