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
 * Plays Asterisk's side of a FastAGI call: sends the agi_* environment and a blank line, answers every command with
 * {@code 200 result=1} and returns the commands the script sent once the app closes the connection. With a PBX, the
 * variables the script sets land on the channel there, as they would in Asterisk.
 */
final class AgiCaller {

    private static final Pattern SET_VARIABLE = Pattern.compile("SET VARIABLE \"([^\"]+)\" \"([^\"]*)\"");

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
        env.put("agi_version", "22.1.1");
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
        env.put("agi_linkedid", uniqueId);
        for (int i = 0; i < args.length; i++) {
            env.put("agi_arg_" + (i + 1), args[i]);
        }
        return env;
    }

    List<String> call(Map<String, String> env) throws IOException {
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
                out.write("200 result=1\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            return commands;
        }
    }
}
