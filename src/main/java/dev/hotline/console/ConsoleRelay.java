package dev.hotline.console;

import dev.hotline.shared.RedisEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Delivers pushes to whichever node holds the socket. A push is sent to this node's sessions at once and published on
 * a Redis channel; every other node's subscriber thread sends it to its own sessions. An agent's pushes are numbered
 * in Redis (one script: increment, publish) so every tab on every node sees the same gap-free sequence.
 */
@Component
class ConsoleRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ConsoleRelay.class);
    private static final String SEQ_PREFIX = "hotline:console:seq:";
    /** A relayed "destination" starting with this is a signal to the other nodes, not a push to a socket. */
    private static final String SIGNAL = "!";
    private static final long SEQ_TTL_MILLIS = 24 * 3600_000L;
    /**
     * KEYS[1] sequence; ARGV: channel, json object, ttl, node, destination, now (epoch ms). Returns the numbered json.
     * A new sequence starts at the current millisecond, not at 1: after it expired or Redis came back empty, a console
     * still holding the old numbers sees a gap (and asks for a resume) instead of taking every push for a stale one.
     */
    private static final String NUMBER_AND_PUBLISH = """
            local seq
            if redis.call('EXISTS', KEYS[1]) == 0 then
              seq = redis.call('INCRBY', KEYS[1], ARGV[6])
            else
              seq = redis.call('INCR', KEYS[1])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            local body = '{"seq":' .. seq .. ',' .. string.sub(ARGV[2], 2)
            redis.call('PUBLISH', ARGV[1], ARGV[4] .. '\\n' .. ARGV[5] .. '\\n' .. body)
            return body""";

    private final RedisClient redis;
    private final RedisEndpoint endpoint;
    private final SimpMessagingTemplate template;
    private final JsonMapper json;
    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final String scriptSha;
    private final ApplicationEventPublisher events;
    private volatile Subscriber subscriber;

    ConsoleRelay(RedisClient redis, RedisEndpoint endpoint, SimpMessagingTemplate template, JsonMapper json, ConsoleProperties properties,
                 ApplicationEventPublisher events) {
        this.redis = redis;
        this.endpoint = endpoint;
        this.template = template;
        this.json = json;
        this.events = events;
        this.channel = properties.relayChannel();
        this.scriptSha = redis.scriptLoad(NUMBER_AND_PUBLISH);
    }

    /** Sends {@code payload} (a record serialised as a JSON object) to every session of {@code agent}, numbered. */
    void toAgent(String agent, String destination, Object payload) {
        String userDestination = "/user/" + agent + destination;
        List<String> args = List.of(channel, json.writeValueAsString(payload), Long.toString(SEQ_TTL_MILLIS), node,
                userDestination, Long.toString(System.currentTimeMillis()));
        String body;
        try {
            body = (String) redis.evalsha(scriptSha, List.of(SEQ_PREFIX + agent), args);
        } catch (JedisNoScriptException flushed) {
            body = (String) redis.eval(NUMBER_AND_PUBLISH, List.of(SEQ_PREFIX + agent), args);
        }
        deliverLocally(userDestination, body);
    }

    /**
     * The last number given to {@code agent}'s pushes, for a resuming console to start from; an agent without one gets
     * its sequence started now (at the current millisecond, see {@link #NUMBER_AND_PUBLISH}).
     */
    long lastSequence(String agent) {
        redis.set(SEQ_PREFIX + agent, Long.toString(System.currentTimeMillis()),
                SetParams.setParams().nx().px(SEQ_TTL_MILLIS));
        String value = redis.get(SEQ_PREFIX + agent);
        return value == null ? 0 : Long.parseLong(value);
    }

    /** Sends to a broadcast topic on every node (supervisor alerts). */
    void toTopic(String topic, Object payload) {
        String body = json.writeValueAsString(payload);
        redis.publish(channel, node + "\n" + topic + "\n" + body);
        deliverLocally(topic, body);
    }

    /** Tells the other nodes (not this one) that {@code name} happened: they get a {@link Signal} event. */
    void signal(String name) {
        redis.publish(channel, node + "\n" + SIGNAL + name + "\n");
    }

    /** A {@link #signal(String)} from another node. */
    record Signal(String name) {
    }

    private void deliverLocally(String destination, String body) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        headers.setLeaveMutable(true);
        template.send(destination, MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8),
                headers.getMessageHeaders()));
    }

    void onRelayed(String message) {
        int first = message.indexOf('\n');
        int second = message.indexOf('\n', first + 1);
        if (first < 0 || second < 0 || message.startsWith(node + "\n")) {
            return;
        }
        String destination = message.substring(first + 1, second);
        if (destination.startsWith(SIGNAL)) {
            events.publishEvent(new Signal(destination.substring(SIGNAL.length())));
        } else {
            deliverLocally(destination, message.substring(second + 1));
        }
    }

    @Override
    public void start() {
        subscriber = new Subscriber();
        Thread thread = new Thread(subscriber, "console-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Subscriber s = subscriber;
        subscriber = null;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public boolean isRunning() {
        return subscriber != null;
    }

    /**
     * Blocks in SUBSCRIBE on a connection of its own; resubscribes after a lost connection (pushes sent meanwhile show
     * as sequence gaps). Stopping closes that connection, which ends the subscription whatever state it is in (a test
     * context is paused and restarted many times, so a stop may come before Redis has confirmed the SUBSCRIBE).
     */
    private final class Subscriber extends JedisPubSub implements Runnable {

        private volatile boolean closed;
        private volatile Jedis connection;

        @Override
        public void onMessage(String ch, String message) {
            try {
                onRelayed(message);
            } catch (RuntimeException e) {
                log.warn("Could not deliver a relayed console push: {}", e.toString());
            }
        }

        @Override
        public void run() {
            while (!closed) {
                try (Jedis jedis = endpoint.dedicatedConnection()) {
                    connection = jedis;
                    if (closed) {
                        return;
                    }
                    jedis.subscribe(this, channel);
                } catch (RuntimeException e) {
                    if (!closed) {
                        log.warn("Console relay lost its Redis subscription, retrying in 1 s: {}", e.toString());
                        sleepQuietly();
                    }
                }
            }
        }

        void close() {
            closed = true;
            Jedis jedis = connection;
            if (jedis != null) {
                try {
                    jedis.disconnect();
                } catch (RuntimeException ignored) {
                    // already gone
                }
            }
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }
}
