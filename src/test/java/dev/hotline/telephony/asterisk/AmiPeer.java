package dev.hotline.telephony.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Plays Asterisk 22's manager interface on 127.0.0.1: the banner, Challenge/MD5 login (checked against the password),
 * FullyBooted, CoreSettings, CoreShowChannels from {@link #liveChannels}, Setvar, Redirect, Logoff. Records every
 * action it receives and emits events with the field names Asterisk 20/22 use to every logged-in session (one per app
 * node). Every channel block of an event (Channel ... Linkedid, also the {@code Dest} one of Dial events) is followed
 * by {@code [Dest]ChanVariable: NAME=value} for each variable named in {@link #reportChannelVariables} (manager.conf
 * channelvars), empty when unset, the value set by Setvar or by the AGI script ({@link #setVariable}).
 */
final class AmiPeer implements AutoCloseable {

    private static final String CHALLENGE = "840415273";

    private final ServerSocket server;
    private final String username;
    private final String password;
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    /** uniqueid to the channel's CoreShowChannel fields. */
    final Map<String, Map<String, String>> liveChannels = new ConcurrentHashMap<>();
    private final Map<String, String> refusedRedirects = new ConcurrentHashMap<>();
    /** Channels that have hung up: Hangup and Bridge of them fail the way Asterisk answers. */
    private final java.util.Set<String> goneChannels = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, String>> variablesByChannel = new ConcurrentHashMap<>();
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final List<Socket> sessions = new CopyOnWriteArrayList<>();
    /** Originate Reason per dial string (Asterisk: 4 answered, 5 busy, 3 rang out, 0 no such channel); default 4. */
    private final Map<String, Integer> originateReasons = new ConcurrentHashMap<>();
    /** Channels created by Originate, by the value of the variable named in {@link #originatedBy}. */
    final Map<String, String> originatedChannels = new ConcurrentHashMap<>();
    private volatile String originatedBy = "";
    /** While true, logins fail and Originate is refused: a PBX that is down or restarting. */
    volatile boolean down;
    private final java.util.concurrent.atomic.AtomicInteger channelSequence = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closed;
    /** Channel name to its Uniqueid and Linkedid, as the events emitted so far named them. */
    private final Map<String, String[]> channelIds = new ConcurrentHashMap<>();

    AmiPeer(String username, String password) throws IOException {
        this(username, password, 0);
    }

    /** On a given port (0: any free one): the fault suite's nodes are configured with it before the peer starts. */
    AmiPeer(String username, String password, int port) throws IOException {
        this.username = username;
        this.password = password;
        this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(this::acceptLoop, "ami-peer");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    List<Map<String, String>> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("Action"))).toList();
    }

    Optional<Map<String, String>> lastAction(String name, String key, String value) {
        var matching = actions(name).stream().filter(a -> value.equals(a.get(key))).toList();
        return matching.isEmpty() ? Optional.empty() : Optional.of(matching.get(matching.size() - 1));
    }

    /** A caller channel waiting in [hotline] (what CoreShowChannels lists). */
    void channelUp(String uniqueId, String channel) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("Channel", channel);
        fields.put("ChannelState", "4");
        fields.put("ChannelStateDesc", "Ring");
        fields.put("CallerIDNum", "13800138000");
        fields.put("CallerIDName", "<unknown>");
        fields.put("ConnectedLineNum", "<unknown>");
        fields.put("ConnectedLineName", "<unknown>");
        fields.put("Language", "en");
        fields.put("AccountCode", "");
        fields.put("Context", "hotline");
        fields.put("Exten", "4008880000");
        fields.put("Priority", "6");
        fields.put("Uniqueid", uniqueId);
        fields.put("Linkedid", uniqueId);
        fields.put("Application", "Wait");
        fields.put("ApplicationData", "1");
        fields.put("Duration", "00:00:03");
        fields.put("BridgeId", "");
        liveChannels.put(uniqueId, fields);
    }

    /** Redirects of this channel fail the way Asterisk answers for a channel that has already hung up. */
    void refuseRedirectOf(String channel) {
        refuseRedirectOf(channel, "Channel does not exist: " + channel);
    }

    /** Redirects of this channel fail with Asterisk's message, e.g. "Redirect failed" for a live channel. */
    void refuseRedirectOf(String channel, String message) {
        refusedRedirects.put(channel, message);
    }

    /** The channel (by name) has hung up: Hangup answers "No such channel", Bridge "ChannelN does not exist". */
    void channelHungUp(String channel) {
        goneChannels.add(channel);
    }

    /** A variable of the channel (set by Setvar or the AGI script); null when unset. */
    String variable(String channel, String name) {
        return variablesByChannel.getOrDefault(channel, Map.of()).get(name);
    }

    /** manager.conf {@code channelvars}: these variables of a channel are reported on its events. */
    void reportChannelVariables(String... names) {
        reported.addAll(List.of(names));
    }

    /** A variable set on the channel (by the dialplan or an AGI script). */
    void setVariable(String channel, String name, String value) {
        if (channel == null || name == null || value == null) {
            return;
        }
        variablesByChannel.computeIfAbsent(channel, c -> new ConcurrentHashMap<>()).put(name, value);
    }

    /**
     * What Asterisk writes after each channel's fields (manager_channels.c, ast_manager_build_channel_state_string_prefix):
     * one {@code <prefix>ChanVariable: NAME=value} line per manager.conf channelvar, empty when the channel lacks it.
     */
    private String chanVariables(String prefix, String channel) {
        var text = new StringBuilder();
        var variables = channel == null ? Map.<String, String>of() : variablesByChannel.getOrDefault(channel, Map.of());
        for (String name : reported) {
            text.append(prefix).append("ChanVariable: ").append(name).append('=')
                    .append(variables.getOrDefault(name, "")).append("\r\n");
        }
        return text.toString();
    }

    /** How Originate of this dial string ends: Asterisk's Reason (4 answered, 5 busy, 3 no answer, 0 unavailable). */
    void originateEndsWith(String dialString, int reason) {
        originateReasons.put(dialString, reason);
    }

    /** Originated channels are remembered by the value of this variable (e.g. the outbound contact id). */
    void rememberOriginatedBy(String variable) {
        originatedBy = variable;
    }

    /** The fields in order, each channel's block (Channel ... Linkedid, with its prefix) followed by its variables. */
    private String withChannelVariables(Map<String, String> fields) {
        var text = new StringBuilder();
        fields.forEach((k, v) -> {
            text.append(k).append(": ").append(v).append("\r\n");
            if (k.endsWith("Linkedid")) {
                String prefix = k.substring(0, k.length() - "Linkedid".length());
                text.append(chanVariables(prefix, fields.get(prefix + "Channel")));
            }
        });
        return text.toString();
    }

    void channelGone(String uniqueId) {
        liveChannels.remove(uniqueId);
    }

    /** Closes every AMI session the way a crashed or restarted Asterisk would. */
    void dropSession() throws IOException {
        for (Socket s : sessions) {
            s.close();
        }
    }

    int sessionCount() {
        return (int) sessions.stream().filter(s -> !s.isClosed()).count();
    }

    /** Sends an event with Privilege and Timestamp (manager.conf timestampevents=yes) the way Asterisk orders them. */
    void emit(String event, Instant at, Map<String, String> fields) throws IOException {
        if (fields.get("Channel") != null && fields.get("Uniqueid") != null) {
            channelIds.put(fields.get("Channel"), new String[] {fields.get("Uniqueid"),
                    fields.getOrDefault("Linkedid", fields.get("Uniqueid"))});
        }
        var block = new StringBuilder("Event: ").append(event).append("\r\n")
                .append("Privilege: call,all\r\n")
                .append("Timestamp: ").append(at.getEpochSecond()).append('.')
                .append(String.format("%06d", at.getNano() / 1000)).append("\r\n");
        block.append(withChannelVariables(fields)).append("\r\n");
        for (Socket s : sessions) {
            try {
                write(s, block.toString());
            } catch (IOException closing) {
                // that node's session is going away; the others still hear the event
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                var served = new Thread(() -> serve(s), "ami-peer-session");
                served.setDaemon(true);
                served.start();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            write(s, "Asterisk Call Manager/9.0.0\r\n");
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            var action = newAction();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        String key = line.substring(0, colon).strip();
                        String value = line.substring(colon + 1).strip();
                        // Originate repeats "Variable: NAME=value" once per variable
                        action.merge(key, value, (a, b) -> key.equalsIgnoreCase("Variable") ? a + "\n" + b : b);
                    }
                    continue;
                }
                if (!action.isEmpty()) {
                    actions.add(Collections.unmodifiableMap(action));
                    if (!answer(s, action)) {
                        return;
                    }
                    action = newAction();
                }
            }
        } catch (IOException ended) {
            // session dropped by either side
        } finally {
            sessions.remove(s);
        }
    }

    /** Header names are case-insensitive in AMI (asterisk-java writes them in lower case). */
    private static Map<String, String> newAction() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /** Answers one action; false closes the session. */
    private boolean answer(Socket s, Map<String, String> action) throws IOException {
        String id = action.getOrDefault("ActionID", "");
        String name = action.getOrDefault("Action", "").toLowerCase();
        switch (name) {
            case "challenge":
                write(s, response("Success", id, "Challenge: " + CHALLENGE));
                return true;
            case "login":
                if (!down && username.equals(action.get("Username")) && md5(CHALLENGE + password).equals(action.get("Key"))) {
                    write(s, response("Success", id, "Message: Authentication accepted"));
                    sessions.add(s);
                    write(s, "Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 12\r\nLastReload: 12\r\n"
                            + "Status: Fully Booted\r\n\r\n");
                    return true;
                }
                write(s, response("Error", id, "Message: Authentication failed"));
                return false;
            case "coresettings":
                write(s, response("Success", id, "AMIversion: 9.0.0\r\nAsteriskVersion: 22.1.1\r\nSystemName: \r\n"
                        + "CoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\n"
                        + "CoreRunGroup: asterisk\r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                        + "CoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\nSoundsSearchCustomDir: No"));
                return true;
            case "coreshowchannels":
                listChannels(s, id);
                return true;
            case "setvar":
                setVariable(action.get("Channel"), action.get("Variable"), action.get("Value"));
                write(s, response("Success", id, "Message: Variable Set"));
                return true;
            case "redirect":
                String refused = refusedRedirects.get(action.get("Channel"));
                if (refused != null) {
                    write(s, response("Error", id, "Message: " + refused));
                    return true;
                }
                write(s, response("Success", id, "Message: Redirect successful"));
                return true;
            case "bridge":
                // main/features.c action_bridge: both channels must exist; then they are moved into a new bridge
                for (String which : List.of("Channel1", "Channel2")) {
                    if (goneChannels.contains(action.get(which))) {
                        write(s, response("Error", id, "Message: " + which + " does not exist: " + action.get(which)));
                        return true;
                    }
                }
                write(s, response("Success", id, "Message: Channels have been bridged"));
                return true;
            case "hangup":
                if (goneChannels.contains(action.get("Channel"))) {
                    write(s, response("Error", id, "Message: No such channel"));
                    return true;
                }
                goneChannels.add(action.get("Channel"));
                write(s, response("Success", id, "Message: Channel Hungup"));
                return true;
            case "originate":
                originate(s, id, action);
                return true;
            case "mixmonitor":
                mixMonitor(s, id, action);
                return true;
            case "ping":
                write(s, response("Success", id, "Ping: Pong\r\nTimestamp: " + Instant.now().getEpochSecond() + ".000000"));
                return true;
            case "logoff":
                write(s, response("Goodbye", id, "Message: Thanks for all the fish."));
                return false;
            default:
                write(s, response("Error", id, "Message: Invalid/unknown command"));
                return true;
        }
    }

    /**
     * Async Originate as Asterisk 22 answers it: "successfully queued" at once, then an OriginateResponse event (to
     * every session, as Asterisk sends it) once the dialled phone answered (Success, Reason 4, the new channel) or
     * gave up (Failure with the Reason, the dial string as Channel, Uniqueid &lt;null&gt;). An answered channel keeps
     * the Originate's variables, reported on its later events like any channelvars.
     */
    private void originate(Socket s, String id, Map<String, String> action) throws IOException {
        if (down) {
            write(s, response("Error", id, "Message: Originate failed"));
            return;
        }
        write(s, response("Success", id, "Message: Originate successfully queued"));
        String dial = action.getOrDefault("Channel", "");
        int reason = originateReasons.getOrDefault(dial, 4);
        boolean answered = reason == 4;
        String channel = dial + "-" + String.format("%08x", channelSequence.incrementAndGet());
        String uniqueId = Instant.now().getEpochSecond() + ".9" + channelSequence.get();
        var f = new LinkedHashMap<String, String>();
        f.put("ActionID", id);
        f.put("Response", answered ? "Success" : "Failure");
        f.put("Channel", answered ? channel : dial);
        f.put("Context", action.getOrDefault("Context", ""));
        f.put("Exten", action.getOrDefault("Exten", ""));
        f.put("Application", "");
        f.put("Data", "");
        f.put("Reason", Integer.toString(reason));
        f.put("Uniqueid", answered ? uniqueId : "<null>");
        f.put("CallerIDNum", "<unknown>");
        f.put("CallerIDName", "<unknown>");
        // the variables are set once the channel exists; OriginateResponse itself carries none
        emit("OriginateResponse", Instant.now(), f);
        if (answered) {
            for (String v : action.getOrDefault("Variable", "").split("\n")) {
                int eq = v.indexOf('=');
                if (eq > 0) {
                    setVariable(channel, v.substring(0, eq), v.substring(eq + 1));
                    if (v.substring(0, eq).equals(originatedBy)) {
                        originatedChannels.put(v.substring(eq + 1), channel + " " + uniqueId);
                    }
                }
            }
        }
    }

    /**
     * app_mixmonitor.c manager_mixmonitor as Asterisk 22 answers it: "No channel specified" / "No such channel"
     * errors, else Success, the file created (MixMonitor writes as the call goes; here one second of a 440 Hz tone,
     * 8 kHz 16-bit mono WAV) and a MixMonitorStart event with the channel's snapshot (EVENT_FLAG_CALL). There is no
     * MixMonitorStop when the channel hangs up: Asterisk raises it only for StopMixMonitor.
     */
    private void mixMonitor(Socket s, String id, Map<String, String> action) throws IOException {
        String channel = action.get("Channel");
        if (channel == null || channel.isBlank()) {
            write(s, response("Error", id, "Message: No channel specified"));
            return;
        }
        String[] ids = channelIds.get(channel);
        if (ids == null || goneChannels.contains(channel)) {
            write(s, response("Error", id, "Message: No such channel"));
            return;
        }
        String file = action.get("File");
        if (file != null && !file.isBlank()) {
            var path = java.nio.file.Path.of(file);
            java.nio.file.Files.createDirectories(path.getParent());
            java.nio.file.Files.write(path, dev.hotline.telephony.recording.TestTone.wav());
        }
        write(s, response("Success", id, "").replace("\r\n\r\n\r\n", "\r\n\r\n"));
        var f = AsteriskWireTestSupport.channelFields(channel, ids[0], ids[1], "Up");
        f.put("ConnectedLineNum", "1001");
        emit("MixMonitorStart", Instant.now(), f);
    }

    private void listChannels(Socket s, String id) throws IOException {
        write(s, response("Success", id, "EventList: start\r\nMessage: Channels will follow"));
        var channels = List.copyOf(liveChannels.values());
        for (var fields : channels) {
            var block = new StringBuilder("Event: CoreShowChannel\r\nActionID: ").append(id).append("\r\n");
            write(s, block.append(withChannelVariables(fields)).append("\r\n").toString());
        }
        write(s, "Event: CoreShowChannelsComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: "
                + channels.size() + "\r\n\r\n");
    }

    private static String response(String outcome, String actionId, String body) {
        return "Response: " + outcome + "\r\nActionID: " + actionId + "\r\n" + body + "\r\n\r\n";
    }

    private synchronized void write(Socket s, String text) throws IOException {
        if (s.isClosed()) {
            throw new IOException("AMI session closed");
        }
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropSession();
        server.close();
    }
}
