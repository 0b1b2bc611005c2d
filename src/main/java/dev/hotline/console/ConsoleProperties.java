package dev.hotline.console;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The consoles' WebSocket settings ({@code hotline.console.*}).
 *
 * @param allowedOrigins   browser origins allowed to open {@code /ws}; empty = same origin only
 * @param maxPayload       largest SEND body (bytes) an action accepts; bigger ones get a problem, the session stays up
 * @param maxFrame         largest WebSocket message (bytes) the server reads at all; bigger ones close the session
 * @param relayChannel     Redis pub/sub channel that carries pushes to the node holding the socket
 * @param wallboardInterval how often subscribed supervisors get a wallboard snapshot
 * @param pushThreads      threads that build and send agent pushes (an agent's pushes always use the same one)
 * @param readBuffer       Tomcat's read buffer per socket (chars for text, bytes for binary), allocated for every open
 *                         session: frames bigger than this arrive in parts and are joined up to {@code maxFrame}
 * @param socketBuffer     Tomcat's read and write buffer per connection (bytes; Tomcat's default is 8192 each)
 * @param destinationCache destinations whose subscribers the broker remembers; every session has its own per-user
 *                         queues, so this must exceed sessions × 5, or each push scans every subscription of every
 *                         session (Spring's default of 1 024 thrashes from ~200 sessions on)
 * @param dispositionCodes what an agent picks at finish (labels in the console's i18n as {@code disposition.<code>})
 * @param alertsShown      how many of today's alerts a wallboard loads when it opens
 */
@ConfigurationProperties("hotline.console")
record ConsoleProperties(List<String> allowedOrigins, Integer maxPayload, Integer maxFrame, String relayChannel,
                         Duration wallboardInterval, Integer pushThreads, Integer readBuffer,
                         Integer socketBuffer, Integer destinationCache, List<String> dispositionCodes,
                         Integer alertsShown) {

    ConsoleProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        maxPayload = maxPayload == null ? 8 * 1024 : maxPayload;
        maxFrame = maxFrame == null ? 64 * 1024 : Math.max(maxFrame, maxPayload + 1024);
        relayChannel = relayChannel == null || relayChannel.isBlank() ? "hotline:console:push" : relayChannel;
        wallboardInterval = wallboardInterval == null ? Duration.ofSeconds(1) : wallboardInterval;
        pushThreads = pushThreads == null || pushThreads < 1 ? 16 : pushThreads;
        readBuffer = readBuffer == null || readBuffer < 256 ? 1024 : Math.min(readBuffer, maxFrame);
        socketBuffer = socketBuffer == null || socketBuffer < 1024 ? 2048 : socketBuffer;
        destinationCache = destinationCache == null || destinationCache < 1024 ? 100_000 : destinationCache;
        dispositionCodes = dispositionCodes == null || dispositionCodes.isEmpty()
                ? List.of("inquiry-answered", "ticket-opened", "callback-promised", "wrong-number", "silent-call")
                : List.copyOf(dispositionCodes);
        alertsShown = alertsShown == null || alertsShown < 1 ? 100 : alertsShown;
    }
}
