package dev.hotline.console;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.util.MimeTypeUtils;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import tools.jackson.databind.JsonNode;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A real STOMP client over WebSocket, authenticated with HTTP Basic on the handshake. */
public final class StompTestClient implements AutoCloseable {

    /** The console destinations as a client subscribes to them. */
    public static final String OFFERS = "/user/queue/offers";
    public static final String STATE = "/user/queue/state";
    public static final String CONTACTS = "/user/queue/contacts";
    public static final String MESSAGES = "/user/queue/messages";
    public static final String ERRORS = "/user/queue/errors";
    public static final String WALLBOARD = "/topic/wallboard";

    public final StompSession session;
    /** ERROR frames (the server closes the session after one). */
    public final BlockingQueue<StompHeaders> errors;
    private final WebSocketStompClient client;
    private final Map<String, BlockingQueue<JsonNode>> received = new ConcurrentHashMap<>();

    private StompTestClient(WebSocketStompClient client, StompSession session, BlockingQueue<StompHeaders> errors) {
        this.client = client;
        this.session = session;
        this.errors = errors;
    }

    public static StompTestClient connect(int port, String user, String password) throws Exception {
        // wallboard snapshots grow with the queues every test has created: allow large frames
        var container = jakarta.websocket.ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024);
        var client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(4 * 1024 * 1024);
        client.setMessageConverter(new CompositeMessageConverter(List.of(new RawJson(), new StringMessageConverter(),
                new JacksonJsonMessageConverter())));
        var headers = new WebSocketHttpHeaders();
        headers.setBasicAuth(user, password);
        var errors = new LinkedBlockingQueue<StompHeaders>();
        var session = client.connectAsync("ws://localhost:" + port + "/ws", headers, new StompHeaders(),
                new StompSessionHandlerAdapter() {
                    @Override
                    public void handleFrame(StompHeaders h, Object payload) {
                        errors.add(h);
                    }

                    @Override
                    public Type getPayloadType(StompHeaders h) {
                        return String.class;
                    }

                    @Override
                    public void handleException(StompSession s, StompCommand command, StompHeaders h, byte[] payload,
                                                Throwable exception) {
                        errors.add(h);
                    }
                }).get(10, TimeUnit.SECONDS);
        return new StompTestClient(client, session, errors);
    }

    /** Subscribes; frames are queued per destination. */
    public StompTestClient subscribe(String destination) {
        var queue = received.computeIfAbsent(destination, d -> new LinkedBlockingQueue<>());
        session.subscribe(destination, new StompSessionHandlerAdapter() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                queue.add((JsonNode) payload);
            }
        });
        return this;
    }

    public void send(String destination, String json) {
        var headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The next frame on {@code destination} whose {@code type} is {@code type} (others on the way are skipped). */
    public JsonNode next(String destination, String type) throws InterruptedException {
        return next(destination, frame -> type == null || type.equals(frame.path("type").asString()),
                "type '" + type + "'");
    }

    /** The next frame on {@code destination} that {@code wanted} accepts (others on the way are skipped). */
    public JsonNode next(String destination, java.util.function.Predicate<JsonNode> wanted, String what)
            throws InterruptedException {
        var queue = received.computeIfAbsent(destination, d -> new LinkedBlockingQueue<>());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            JsonNode frame = queue.poll(200, TimeUnit.MILLISECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
        }
        throw new AssertionError("No frame with " + what + " on " + destination + " within 10 s");
    }

    /** Asserts that no frame arrives on {@code destination} for a short while. */
    public void nothingOn(String destination) throws InterruptedException {
        var queue = received.computeIfAbsent(destination, d -> new LinkedBlockingQueue<>());
        assertThat(queue.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    /** Sends bytes as they are, labelled JSON (so malformed JSON can be sent too). */
    static final class RawJson extends AbstractMessageConverter {

        RawJson() {
            super(MimeTypeUtils.APPLICATION_JSON);
        }

        @Override
        protected boolean supports(Class<?> clazz) {
            return clazz == byte[].class;
        }

        @Override
        protected Object convertFromInternal(Message<?> message, Class<?> targetClass, Object conversionHint) {
            return message.getPayload();
        }

        @Override
        protected Object convertToInternal(Object payload, MessageHeaders headers, Object conversionHint) {
            return payload;
        }
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
        client.stop();
    }
}
