package dev.hotline.shared;

import redis.clients.jedis.Jedis;

import java.net.URI;

/**
 * Where Redis is. Pub/sub subscribers take a {@link #dedicatedConnection()} instead of a pooled one: a subscribed
 * connection only accepts (un)subscribe commands, so one returned to the pool in that state would break whoever
 * borrows it next.
 */
public record RedisEndpoint(URI uri) {

    /** A connection of its own, outside the pool; the caller closes it (which disconnects). */
    public Jedis dedicatedConnection() {
        return new Jedis(uri);
    }
}
