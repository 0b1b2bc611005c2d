package dev.hotline.telephony.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Plays Asterisk's side of a FastAGI call as res_agi does (launch_netscript, setup_env, handle_getvariable): sends
 * agi_network, agi_network_script and the agi_* environment of {@code setup_env} (which has no agi_linkedid) and a
 * blank line, answers {@code GET VARIABLE} from the channel's values ({@code 200 result=1 (value)}, or
 * {@code 200 result=0} for one the channel does not have) and every other command with {@code 200 result=1}, and
 * returns the commands the script sent once the app closes the connection. A channel's {@code CHANNEL(linkedid)} is
 * its own uniqueid (a direct trunk call) unless the test gives it another. With a PBX, the variables the script sets
 * land on the channel there, as they would in Asterisk.
 */
final class AgiCaller {

    private static final Pattern SET_VARIABLE = Pattern.compile("SET VARIABLE \"([^\"]+)\" \"([^\"]*)\"");
    private static final Pattern GET_VARIABLE = Pattern.compile("GET VARIABLE \"?([^\"]+)\"?");
    static final String LINKED_ID = "CHANNEL(linkedid)";
    static final String CDR_START = "CDR(start,u)";

    private final int port;
    private final AmiPeer pbx;

    AgiCaller(int port) {
        this(port, null);
    }

    AgiCaller(int port, AmiPeer pbx) {
        this.port = port;
        this.pbx = pbx;
    }

    /** The environment Asterisk 22 sends for AGI(agi://127.0.0.1:port/script,args...) on an inbound PJSIP call. */
    static Map<String, String> inboundCall(int port, String script, String uniqueId, String channel, String callerId,
                                           String dialled, String... args) {
        var env = new LinkedHashMap<String, String>();
        env.put("agi_network", "yes");
        env.put("agi_network_script", script);
        env.put("agi_request", "agi://127.0.0.1:" + port + "/" + script);
        env.put("agi_channel", channel);
        env.put("agi_language", "en");
        env.put("agi_type", "PJSIP");
        env.put("agi_uniqueid", uniqueId);
        env.put("agi_version", "22.10.1");
        env.put("agi_callerid", callerId);
        env.put("agi_calleridname", "unknown");
        env.put("agi_callingpres", "0");
        env.put("agi_callingani2", "0");
        env.put("agi_callington", "0");
        env.put("agi_callingtns", "0");
        env.put("agi_dnid", dialled);
        env.put("agi_rdnis", "unknown");
        env.put("agi_context", "hotline");
        env.put("agi_extension", dialled);
        env.put("agi_priority", "3");
        env.put("agi_enhanced", "0.0");
        env.put("agi_accountcode", "");
        env.put("agi_threadid", "139872312624832");
        for (int i = 0; i < args.length; i++) {
            env.put("agi_arg_" + (i + 1), args[i]);
        }
        return env;
    }

    /**
     * The dialplan's time limit for the AGI answer runs out before the app answers: with AGIEXITONHANGUP=yes res_agi
     * sends {@code HANGUP} and closes the connection (run_agi), and the caller goes on to the fallback.
     */
    void callAndGiveUp(Map<String, String> env) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            var text = new StringBuilder();
            env.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
            out.write(text.append('\n').append("HANGUP\n").toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            socket.shutdownOutput();
        }
    }

    /** What Asterisk reads for {@code GET VARIABLE} on the channel of a direct trunk call: linkedid = uniqueid. */
    List<String> call(Map<String, String> env) throws IOException {
        return call(env, Map.of(LINKED_ID, env.getOrDefault("agi_uniqueid", "")));
    }

    /** {@code GET VARIABLE} answered from {@code channel} (variable or function, e.g. CHANNEL(linkedid)). */
    List<String> call(Map<String, String> env, Map<String, String> channel) throws IOException {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            var text = new StringBuilder();
            env.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
            out.write(text.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            var commands = new ArrayList<String>();
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                var set = SET_VARIABLE.matcher(line);
                if (pbx != null && set.matches()) {
                    pbx.setVariable(env.get("agi_channel"), set.group(1), set.group(2));
                }
                var get = GET_VARIABLE.matcher(line);
                String reply = "200 result=1";
                if (get.matches()) {
                    String value = channel.get(get.group(1));
                    reply = value == null ? "200 result=0" : "200 result=1 (" + value + ")";
                }
                out.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return commands;
        }
    }
}
