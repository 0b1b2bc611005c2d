package dev.hotline.telephony.asterisk;

import dev.hotline.shared.ContactId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Overflowed callers this node could not send to the on-call phone (Redirect refused twice): they are still in the
 * dialplan's ringback loop, which leaves for {@code [hotline-overflow]} by itself once HOTLINE_OVERFLOW_TARGET is set,
 * or for the fallback number after MAX_WAIT. Listed in /actuator/health until the caller hangs up, so a supervisor sees
 * who is still waiting.
 */
class StrandedOverflows {

    private static final Logger log = LoggerFactory.getLogger(StrandedOverflows.class);

    record Stranded(ContactId contact, String uniqueId, String channel, String target, String reason, Instant since) {
    }

    private final ConcurrentMap<String, Stranded> byUniqueId = new ConcurrentHashMap<>();

    void add(LiveCall call, String target, String reason) {
        var stranded = new Stranded(call.contact(), call.callerUniqueId(), call.callerChannel(), target, reason,
                Instant.now());
        byUniqueId.put(stranded.uniqueId(), stranded);
        log.error("OVERFLOW NOT REDIRECTED: contact {} on {} still waits in the ringback loop; it was meant for the "
                + "on-call phone {} ({}). The dialplan sends it there itself if the target variable got through, "
                + "else to the fallback number after MAX_WAIT", call.contact(), call.callerChannel(), target, reason);
    }

    /** The caller's channel hung up: nobody is waiting any more. */
    void hungUp(String uniqueId) {
        if (uniqueId != null && byUniqueId.remove(uniqueId) != null) {
            log.info("Stranded overflow caller {} hung up", uniqueId);
        }
    }

    List<Stranded> all() {
        return byUniqueId.values().stream().sorted(Comparator.comparing(Stranded::since)).toList();
    }
}
