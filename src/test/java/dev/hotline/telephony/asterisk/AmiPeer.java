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
 * action it receives and emits events with the field names Asterisk 20/22 use.
 */
final class AmiPeer implements AutoCloseable {

    private static final String CHALLENGE = "840415273";

    private final ServerSocket server;
    private final String username;
    private final String password;
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    /** uniqueid to the channel's CoreShowChannel fields. */
    final Map<String, Map<String, String>> liveChannels = new ConcurrentHashMap<>();
    private final java.util.Set<String> gone = ConcurrentHashMap.newKeySet();
    private volatile Socket session;
    private volatile boolean closed;

    AmiPeer(String username, String password) throws IOException {
        this.username = username;
        this.password = password;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
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
        gone.add(channel);
    }

    void channelGone(String uniqueId) {
        liveChannels.remove(uniqueId);
    }

    /** Closes the AMI session the way a crashed or restarted Asterisk would. */
    void dropSession() throws IOException {
        var s = session;
        if (s != null) {
            s.close();
        }
    }

    boolean hasSession() {
        var s = session;
        return s != null && !s.isClosed();
    }

    /** Sends an event with Privilege and Timestamp (manager.conf timestampevents=yes) the way Asterisk orders them. */
    void emit(String event, Instant at, Map<String, String> fields) throws IOException {
        var block = new StringBuilder("Event: ").append(event).append("\r\n")
                .append("Privilege: call,all\r\n")
                .append("Timestamp: ").append(at.getEpochSecond()).append('.')
                .append(String.format("%06d", at.getNano() / 1000)).append("\r\n");
        fields.forEach((k, v) -> block.append(k).append(": ").append(v).append("\r\n"));
        write(block.append("\r\n").toString());
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                session = s;
                serve(s);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            write("Asterisk Call Manager/9.0.0\r\n");
            var in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            var action = newAction();
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        action.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
                    }
                    continue;
                }
                if (!action.isEmpty()) {
                    actions.add(Collections.unmodifiableMap(action));
                    if (!answer(action)) {
                        return;
                    }
                    action = newAction();
                }
            }
        } catch (IOException ended) {
            // session dropped by either side
        }
    }

    /** Header names are case-insensitive in AMI (asterisk-java writes them in lower case). */
    private static Map<String, String> newAction() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    /** Answers one action; false closes the session. */
    private boolean answer(Map<String, String> action) throws IOException {
        String id = action.getOrDefault("ActionID", "");
        String name = action.getOrDefault("Action", "").toLowerCase();
        switch (name) {
            case "challenge":
                write(response("Success", id, "Challenge: " + CHALLENGE));
                return true;
            case "login":
                if (username.equals(action.get("Username")) && md5(CHALLENGE + password).equals(action.get("Key"))) {
                    write(response("Success", id, "Message: Authentication accepted"));
                    write("Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 12\r\nLastReload: 12\r\n"
                            + "Status: Fully Booted\r\n\r\n");
                    return true;
                }
                write(response("Error", id, "Message: Authentication failed"));
                return false;
            case "coresettings":
                write(response("Success", id, "AMIversion: 9.0.0\r\nAsteriskVersion: 22.1.1\r\nSystemName: \r\n"
                        + "CoreMaxCalls: 0\r\nCoreMaxLoadAvg: 0.000000\r\nCoreRunUser: asterisk\r\n"
                        + "CoreRunGroup: asterisk\r\nCoreMaxFilehandles: 0\r\nCoreRealTimeEnabled: No\r\n"
                        + "CoreCDRenabled: Yes\r\nCoreHTTPenabled: No\r\nSoundsSearchCustomDir: No"));
                return true;
            case "coreshowchannels":
                listChannels(id);
                return true;
            case "setvar":
                write(response("Success", id, "Message: Variable Set"));
                return true;
            case "redirect":
                if (gone.contains(action.get("Channel"))) {
                    write(response("Error", id, "Message: Channel does not exist: " + action.get("Channel")));
                    return true;
                }
                write(response("Success", id, "Message: Redirect successful"));
                return true;
            case "ping":
                write(response("Success", id, "Ping: Pong\r\nTimestamp: " + Instant.now().getEpochSecond() + ".000000"));
                return true;
            case "logoff":
                write(response("Goodbye", id, "Message: Thanks for all the fish."));
                return false;
            default:
                write(response("Error", id, "Message: Invalid/unknown command"));
                return true;
        }
    }

    private void listChannels(String id) throws IOException {
        write(response("Success", id, "EventList: start\r\nMessage: Channels will follow"));
        var channels = List.copyOf(liveChannels.values());
        for (var fields : channels) {
            var block = new StringBuilder("Event: CoreShowChannel\r\nActionID: ").append(id).append("\r\n");
            fields.forEach((k, v) -> block.append(k).append(": ").append(v).append("\r\n"));
            write(block.append("\r\n").toString());
        }
        write("Event: CoreShowChannelsComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: "
                + channels.size() + "\r\n\r\n");
    }

    private static String response(String outcome, String actionId, String body) {
        return "Response: " + outcome + "\r\nActionID: " + actionId + "\r\n" + body + "\r\n\r\n";
    }

    private synchronized void write(String text) throws IOException {
        var s = session;
        if (s == null || s.isClosed()) {
            throw new IOException("no AMI session");
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
