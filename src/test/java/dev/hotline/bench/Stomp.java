package dev.hotline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STOMP 1.2 frames written and read by hand, so the generator measures the server and not a client library:
 * COMMAND, headers, blank line, body, NUL. Heart-beats are off (0,0), but a bare EOL between frames is tolerated.
 */
final class Stomp {

    private Stomp() {
    }

    record Frame(String command, Map<String, String> headers, String body) {

        static Frame of(String command, String... headerPairs) {
            return withBody(command, "", headerPairs);
        }

        static Frame withBody(String command, String body, String... headerPairs) {
            var headers = new LinkedHashMap<String, String>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Frame(command, headers, body);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    static String encode(Frame frame) {
        var out = new StringBuilder(frame.command()).append('\n');
        // CONNECT/CONNECTED headers are never escaped (STOMP 1.2 §Value Encoding)
        boolean escape = !frame.command().equals("CONNECT") && !frame.command().equals("CONNECTED");
        frame.headers().forEach((k, v) -> out.append(escape ? escape(k) : k).append(':')
                .append(escape ? escape(v) : v).append('\n'));
        return out.append('\n').append(frame.body()).append('\0').toString();
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace(":", "\\c");
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        var out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'c' -> ':';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Reassembles frames from WebSocket text fragments; one decoder per connection, not thread-safe. */
    static final class Decoder {

        private final StringBuilder buffer = new StringBuilder();

        List<Frame> feed(CharSequence text) {
            buffer.append(text);
            var frames = new ArrayList<Frame>();
            int nul;
            while ((nul = buffer.indexOf("\0")) >= 0) {
                String raw = buffer.substring(0, nul);
                buffer.delete(0, nul + 1);
                Frame frame = parse(raw);
                if (frame != null) {
                    frames.add(frame);
                }
            }
            // heart-beats: EOLs with no frame behind them
            if (buffer.length() > 0 && buffer.toString().isBlank()) {
                buffer.setLength(0);
            }
            return frames;
        }

        private static Frame parse(String raw) {
            int start = 0;
            while (start < raw.length() && (raw.charAt(start) == '\n' || raw.charAt(start) == '\r')) {
                start++;
            }
            if (start == raw.length()) {
                return null;
            }
            int headerEnd = raw.indexOf("\n\n", start);
            int bodyStart = headerEnd + 2;
            if (headerEnd < 0) {
                headerEnd = raw.indexOf("\r\n\r\n", start);
                bodyStart = headerEnd + 4;
            }
            if (headerEnd < 0) {
                headerEnd = raw.length();
                bodyStart = raw.length();
            }
            String[] lines = raw.substring(start, headerEnd).split("\r?\n");
            String command = lines[0].trim();
            boolean escaped = !command.equals("CONNECTED");
            var headers = new LinkedHashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    String k = escaped ? unescape(lines[i].substring(0, colon)) : lines[i].substring(0, colon);
                    String v = escaped ? unescape(lines[i].substring(colon + 1)) : lines[i].substring(colon + 1);
                    headers.putIfAbsent(k, v); // the first of repeated headers wins (STOMP 1.2)
                }
            }
            return new Frame(command, headers, raw.substring(Math.min(bodyStart, raw.length())));
        }
    }
}
