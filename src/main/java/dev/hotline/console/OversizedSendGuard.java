package dev.hotline.console;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * Drops a SEND whose body is over {@code hotline.console.max-payload} and tells the sender with a 413 problem; the
 * session stays up. (Frames over {@code max-frame} are refused by the transport and close the session.)
 */
@Component
class OversizedSendGuard implements ChannelInterceptor {

    private final int maxPayload;
    private final ErrorQueue errors;

    OversizedSendGuard(ConsoleProperties properties, ErrorQueue errors) {
        this.maxPayload = properties.maxPayload();
        this.errors = errors;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE
                || !(message.getPayload() instanceof byte[] body) || body.length <= maxPayload) {
            return message;
        }
        errors.tell(message, ConsoleProblems.problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                "The message body has " + body.length + " bytes; at most " + maxPayload + " are accepted", message));
        return null;
    }
}
