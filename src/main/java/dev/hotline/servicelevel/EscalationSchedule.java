package dev.hotline.servicelevel;

import dev.hotline.shared.ContactId;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Escalation timelines in Redis: the ZSET {@code sl:escalations} holds each waiting contact's next step time, the hash
 * {@code sl:e:<contact>} its steps. Any node's sweep claims due steps atomically, so timers survive the node that set
 * them and each step runs once.
 */
final class EscalationSchedule {

    record Due(ContactId contactId, String queue, EscalationStep step, int ring) {
    }

    private final RedisClient redis;
    private final String prefix;
    private final String zset;
    private final String script;
    private volatile String sha;

    EscalationSchedule(RedisClient redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
        this.zset = prefix + "sl:escalations";
        this.script = read("dev/hotline/servicelevel/claim-escalations.lua");
    }

    /** Starts (or restarts, idempotently) a contact's timeline. */
    void schedule(ContactId id, String queue, EscalationTimeline timeline) {
        var fields = new HashMap<String, String>();
        fields.put("queue", queue);
        fields.put("n", Integer.toString(timeline.steps().size()));
        fields.put("i", "1");
        for (int k = 1; k <= timeline.steps().size(); k++) {
            var step = timeline.steps().get(k - 1);
            fields.put("a" + k, step.action().name());
            fields.put("r" + k, Integer.toString(step.ring()));
            fields.put("t" + k, Long.toString(step.at().toEpochMilli()));
        }
        String key = prefix + "sl:e:" + id.value();
        if (redis.exists(key)) {
            return;  // a redelivered ContactQueued must not restart the timeline
        }
        redis.hset(key, fields);
        redis.zadd(zset, timeline.steps().get(0).at().toEpochMilli(), Long.toString(id.value()));
    }

    void cancel(ContactId id) {
        redis.zrem(zset, Long.toString(id.value()));
        redis.del(prefix + "sl:e:" + id.value());
    }

    /** Next step time of the contact in millis, or null when none is scheduled. */
    Long nextAt(ContactId id) {
        Double score = redis.zscore(zset, Long.toString(id.value()));
        return score == null ? null : score.longValue();
    }

    List<Due> claimDue(long now, int max) {
        List<String> args = List.of(prefix, Long.toString(now), Integer.toString(max));
        Object reply;
        try {
            reply = redis.evalsha(sha(), List.of(), args);
        } catch (JedisNoScriptException e) {
            sha = null;
            reply = redis.evalsha(sha(), List.of(), args);
        }
        if (!(reply instanceof List<?> r) || r.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<Due>(r.size() / 4);
        for (int i = 0; i + 3 < r.size(); i += 4) {
            out.add(new Due(new ContactId(Long.parseLong(str(r.get(i)))), str(r.get(i + 1)),
                    EscalationStep.valueOf(str(r.get(i + 2))), Integer.parseInt(str(r.get(i + 3)))));
        }
        return out;
    }

    private String sha() {
        String s = sha;
        if (s == null) {
            s = redis.scriptLoad(script);
            sha = s;
        }
        return s;
    }

    private static String str(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private static String read(String resource) {
        try (InputStream in = EscalationSchedule.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
