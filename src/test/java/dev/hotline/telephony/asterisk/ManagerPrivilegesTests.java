package dev.hotline.telephony.asterisk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code config/asterisk/manager.conf} lets the app's AMI user send every action the app sends. Asterisk
 * answers an action outside the user's {@code write} classes with "Permission denied" (manager.c: the session's
 * writeperm must share a class with the action's authority), which the wire-level peer does not play.
 */
class ManagerPrivilegesTests {

    /** The classes each action is registered with in Asterisk 22 (main/manager.c, main/features.c, app_mixmonitor.c). */
    private static final Map<String, Set<String>> AUTHORITY = Map.of(
            "Originate", Set.of("originate"),
            "Redirect", Set.of("call"),
            "Hangup", Set.of("system", "call"),
            "Setvar", Set.of("call"),
            "Bridge", Set.of("call"),
            "CoreShowChannels", Set.of("system", "reporting"),
            "MixMonitor", Set.of("system"),
            "Atxfer", Set.of("call"),
            "Getvar", Set.of("call", "reporting"));

    @Test
    void theAppsManagerUserMaySendEveryActionTheAppSends() throws IOException {
        Set<String> write = writeClasses(Path.of("config/asterisk/manager.conf"), "hotline");
        for (String action : actionsTheAppSends()) {
            assertThat(AUTHORITY).as("Asterisk's privilege class of AMI action %s", action).containsKey(action);
            assertThat(write).as("manager.conf [hotline] write= for %s (needs one of %s)", action, AUTHORITY.get(action))
                    .containsAnyElementsOf(AUTHORITY.get(action));
        }
    }

    /** Every asterisk-java action the main code creates, by its AMI name ({@code OriginateAction} is "Originate"). */
    private static Set<String> actionsTheAppSends() throws IOException {
        var created = Pattern.compile("new ([A-Z][A-Za-z]+)Action\\(");
        var names = new TreeSet<String>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/hotline/telephony"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = created.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1).equals("SetVar") ? "Setvar" : m.group(1));
                }
            }
        }
        assertThat(names).contains("Originate", "Redirect");
        return names;
    }

    private static Set<String> writeClasses(Path conf, String user) throws IOException {
        String section = null;
        for (String raw : Files.readAllLines(conf)) {
            String line = raw.replaceFirst(";.*", "").strip();
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf(']'));
            } else if (user.equals(section) && line.startsWith("write")) {
                return Arrays.stream(line.substring(line.indexOf('=') + 1).split(","))
                        .map(String::strip).collect(Collectors.toSet());
            }
        }
        return Set.of();
    }
}
