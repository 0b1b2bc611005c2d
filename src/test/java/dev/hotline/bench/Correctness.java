package dev.hotline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The counts that must be zero whatever the load; the smoke run fails on them and only on them. */
final class Correctness {

    private static final List<String> MUST_BE_ZERO = List.of("contacts.lost", "contacts.doubleOffers",
            "contacts.agentsWithTwoCalls", "sessionsDropped", "agentSessionsDropped", "lookupMisses");

    private Correctness() {
    }

    static List<String> wrong(Map<String, Object> result) {
        var wrong = new ArrayList<String>();
        for (String path : MUST_BE_ZERO) {
            Object v = value(result, path);
            if (v instanceof Number n && n.longValue() != 0) {
                wrong.add(path + "=" + n);
            }
        }
        // sessions that never got up do not count as dropped, but a smoke run with none held proves nothing
        if ("consoles".equals(result.get("scenario")) && value(result, "sessionsHeld") instanceof Number held
                && held.intValue() == 0) {
            wrong.add("sessionsHeld=0");
        }
        return wrong;
    }

    private static Object value(Map<String, Object> map, String path) {
        Object v = map;
        for (String part : path.split("\\.")) {
            if (!(v instanceof Map<?, ?> m)) {
                return null;
            }
            v = m.get(part);
        }
        return v;
    }
}
