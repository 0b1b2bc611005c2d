package dev.hotline.telephony.asterisk;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped dialplan has what hold and transfer redirect to: the contexts and extensions the adapter's defaults name,
 * and the fallback a transferred caller needs when the app goes quiet.
 */
class DialplanTransferHoldTests {

    static final String HOLD = "hotline-hold";
    static final String TRANSFERRED = "hotline-transferred";

    @Test
    void holdAndTransferContextsAreThereWithTheExtensionsTheAdapterRedirectsTo() throws Exception {
        Map<String, List<String>> contexts = contexts(Path.of("config/asterisk/extensions.conf"));
        var defaults = new org.springframework.boot.context.properties.bind.Binder()
                .bindOrCreate("hotline.asterisk", AsteriskProperties.class);
        assertThat(defaults.holdContext()).isEqualTo(HOLD);
        assertThat(defaults.transferContext()).isEqualTo(TRANSFERRED);

        assertThat(contexts.get(HOLD)).anyMatch(l -> l.startsWith("exten => " + CallConnector.ENTRY_EXTEN + ",1,"))
                .anyMatch(l -> l.startsWith("exten => " + HoldAndTransfer.AGENT_EXTEN + ",1,"))
                .anyMatch(l -> l.contains("MusicOnHold(${HOLD_CLASS})"));
        assertThat(contexts.get(TRANSFERRED)).anyMatch(l -> l.startsWith("exten => s,1,"))
                .anyMatch(l -> l.contains("(wait),MusicOnHold("))
                .anyMatch(l -> l.contains("Goto(hotline-overflow,s,1)"));
        // an agent who does not answer a transferred call sends the caller back to music, not to ringback
        assertThat(contexts.get("hotline-agents")).anyMatch(l -> l.contains("hotline-transferred,s,wait"));
        assertThat(contexts.get("globals")).anyMatch(l -> l.startsWith("HOLD_CLASS="))
                .anyMatch(l -> l.startsWith("MAX_HOLD="));
    }

    @Test
    void theConsultContextBridgesTheTargetWithTheHeldAgentLegAndSendsThatLegBackToWaiting() throws Exception {
        Map<String, List<String>> contexts = contexts(Path.of("config/asterisk/extensions.conf"));
        var defaults = new org.springframework.boot.context.properties.bind.Binder()
                .bindOrCreate("hotline.asterisk.consult", AsteriskConsultProperties.class);
        assertThat(contexts.get(defaults.context())).anyMatch(l -> l.startsWith("exten => s,1,"))
                .anyMatch(l -> l.contains("Bridge(${" + AsteriskConsultation.WITH_VARIABLE + "},F(" + HOLD + "^"
                        + HoldAndTransfer.AGENT_EXTEN + "^1))"));
        // the target's leg hanging up must be heard by every node
        assertThat(Files.readString(Path.of("config/asterisk/manager.conf")))
                .containsPattern("(?m)^channelvars = .*" + AsteriskConsultation.CONSULT_VARIABLE + ",.*"
                        + AsteriskConsultation.TARGET_VARIABLE);
    }

    private static Map<String, List<String>> contexts(Path file) throws Exception {
        var out = new LinkedHashMap<String, List<String>>();
        List<String> current = null;
        for (String raw : Files.readAllLines(file)) {
            String line = raw.strip();
            if (line.startsWith("[") && line.contains("]")) {
                current = out.computeIfAbsent(line.substring(1, line.indexOf(']')), k -> new ArrayList<>());
            } else if (current != null && !line.isEmpty() && !line.startsWith(";")) {
                current.add(line);
            }
        }
        return out;
    }
}
