package dev.hotline.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One console session, as the browser console opens it: a JDK WebSocket whose handshake carries the cookies of a form
 * login (no password check per socket), STOMP CONNECT with the session's CSRF token, frames on top. Sends are chained
 * because the JDK allows one outstanding text send per socket.
 */
final class StompClient implements WebSocket.Listener {

    private final String user;
    private final Consumer<Stomp.Frame> onMessage;
    private final Stomp.Decoder decoder = new Stomp.Decoder();
    private final CompletableFuture<StompClient> connected = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private CompletableFuture<WebSocket> sending;
    private volatile WebSocket socket;
    private int subscriptions;

    private StompClient(String user, Consumer<Stomp.Frame> onMessage) {
        this.user = user;
        this.onMessage = onMessage;
    }

    /** Completes when CONNECTED arrived; fails on a refused handshake, an ERROR frame or after the timeout. */
    static CompletableFuture<StompClient> connect(HttpClient http, URI ws, String user, Api login,
                                                  Consumer<Stomp.Frame> onMessage, Duration timeout) {
        var client = new StompClient(user, onMessage);
        http.newWebSocketBuilder().header("Cookie", login.cookieHeader()).connectTimeout(timeout)
                .buildAsync(ws, client)
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        client.connected.completeExceptionally(error);
                        return;
                    }
                    client.socket = socket;
                    client.sending = CompletableFuture.completedFuture(socket);
                    client.sendFrame(Stomp.Frame.of("CONNECT", "accept-version", "1.2", "host", ws.getHost(),
                            "heart-beat", "0,0", "X-XSRF-TOKEN", login.stompCsrf()));
                });
        return client.connected.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String user() {
        return user;
    }

    boolean isOpen() {
        return socket != null && !closed.isDone() && !socket.isInputClosed();
    }

    CompletableFuture<Void> closedFuture() {
        return closed;
    }

    synchronized void subscribe(String destination) {
        sendFrame(Stomp.Frame.of("SUBSCRIBE", "id", "sub-" + (subscriptions++), "destination", destination));
    }

    void send(String destination, String json) {
        sendFrame(Stomp.Frame.withBody("SEND", json, "destination", destination,
                "content-type", "application/json", "content-length",
                Integer.toString(json.getBytes(StandardCharsets.UTF_8).length)));
    }

    synchronized void sendFrame(Stomp.Frame frame) {
        String text = Stomp.encode(frame);
        sending = sending.thenCompose(ws -> ws.sendText(text, true));
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null && !ws.isOutputClosed()) {
            synchronized (this) {
                sending = sending.thenCompose(s -> s.sendText(Stomp.encode(Stomp.Frame.of("DISCONNECT")), true))
                        .thenCompose(s -> s.sendClose(WebSocket.NORMAL_CLOSURE, "bench over"));
            }
        }
    }

    void abort() {
        if (socket != null) {
            socket.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        for (Stomp.Frame frame : decoder.feed(data)) {
            switch (frame.command()) {
                case "CONNECTED" -> connected.complete(this);
                case "ERROR" -> {
                    connected.completeExceptionally(new IllegalStateException("STOMP ERROR " + frame.header("message")));
                    onMessage.accept(frame);
                }
                default -> onMessage.accept(frame);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        connected.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        closed.complete(null);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        connected.completeExceptionally(error);
        closed.complete(null);
    }
}
