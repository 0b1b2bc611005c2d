package dev.hotline.routing;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The routing Lua scripts (prelude + body), loaded once and run with EVALSHA. A Redis restart or SCRIPT FLUSH forgets
 * them; NOSCRIPT then loads them again and retries once.
 */
final class LuaScripts {

    private final RedisClient redis;
    private final String prelude;
    private final Map<String, String> sources = new ConcurrentHashMap<>();
    private final Map<String, String> shas = new ConcurrentHashMap<>();

    LuaScripts(RedisClient redis, String preludeResource) {
        this.redis = redis;
        this.prelude = preludeResource == null ? "" : read(preludeResource) + "\n";
    }

    /** Runs the script {@code name} (resource under dev/hotline/routing/lua or as given) with these arguments. */
    Object run(String name, List<String> args) {
        String sha = shas.computeIfAbsent(name, n -> redis.scriptLoad(source(n)));
        try {
            return redis.evalsha(sha, List.of(), args);
        } catch (JedisNoScriptException e) {
            sha = redis.scriptLoad(source(name));
            shas.put(name, sha);
            return redis.evalsha(sha, List.of(), args);
        }
    }

    private String source(String name) {
        return sources.computeIfAbsent(name, n -> prelude + read(n.contains("/") ? n : "dev/hotline/routing/lua/" + n + ".lua"));
    }

    private static String read(String resource) {
        try (InputStream in = LuaScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Script replies as strings (Jedis gives bulk strings as String or byte[], integers as Long). */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object reply) {
        return reply instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static String str(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }
}
