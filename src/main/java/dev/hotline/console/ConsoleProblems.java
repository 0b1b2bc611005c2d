package dev.hotline.console;

import dev.hotline.shared.Outages;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.DomainException;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Refused STOMP actions become an RFC 9457 problem on the sender's {@code /user/queue/errors} (that session only);
 * nothing changed and the session stays up.
 */
@ControllerAdvice(assignableTypes = {AgentActions.class, SupervisorActions.class, ConversationActions.class,
        ConsoleProblems.UnknownActions.class})
class ConsoleProblems {

    private static final Logger log = LoggerFactory.getLogger(ConsoleProblems.class);

    private final org.springframework.beans.factory.ObjectProvider<dev.hotline.shared.LiveStateRecovery> recovery;

    ConsoleProblems(org.springframework.beans.factory.ObjectProvider<dev.hotline.shared.LiveStateRecovery> recovery) {
        this.recovery = recovery;
    }

    @MessageExceptionHandler
    @SendToUser(destinations = Destinations.ERRORS, broadcast = false)
    ConsoleMessages.Problem domain(DomainException e, Message<?> message) {
        if (dev.hotline.shared.LiveStateRecovery.refusedForNow(e, recovery::getIfAvailable)) {
            log.info("Refused a console action for now while the live state is rebuilt: {}", e.getMessage());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, Outages.CODE, Outages.DETAIL, message);
        }
        HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
        if (e instanceof NotFoundException) {
            status = HttpStatus.NOT_FOUND;
        } else if (e instanceof ConflictException) {
            status = HttpStatus.CONFLICT;
        } else if (e instanceof NotPermittedException) {
            status = HttpStatus.FORBIDDEN;
        } else if (e instanceof InvalidInputException) {
            status = HttpStatus.BAD_REQUEST;
        }
        return problem(status, e.code(), e.getMessage(), message);
    }

    @MessageExceptionHandler({MessageConversionException.class, MethodArgumentNotValidException.class})
    @SendToUser(destinations = Destinations.ERRORS, broadcast = false)
    ConsoleMessages.Problem unreadable(Exception e, Message<?> message) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-body",
                "The message body is not valid JSON for this action", message);
    }

    @MessageExceptionHandler
    @SendToUser(destinations = Destinations.ERRORS, broadcast = false)
    ConsoleMessages.Problem unexpected(Exception e, Message<?> message) {
        if (Outages.isOutage(e)) {
            log.warn("Refused a console action while a store is unreachable: {}", e.toString());
            return problem(HttpStatus.SERVICE_UNAVAILABLE, Outages.CODE,
                    Outages.DETAIL, message);
        }
        log.error("Unexpected error in a console action", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; it has been logged", message);
    }

    static ConsoleMessages.Problem problem(HttpStatus status, String code, String detail, Message<?> message) {
        String destination = message == null ? null : SimpMessageHeaderAccessor.getDestination(message.getHeaders());
        return new ConsoleMessages.Problem("https://hotline.dev/problems/" + code, status.getReasonPhrase(),
                status.value(), detail, code, destination);
    }

    /** Any /app destination no action matches (the most general pattern, so every real action wins). */
    @Controller
    static class UnknownActions {

        @MessageMapping("/**")
        void unknown(Message<?> message) {
            throw new NotFoundException("Destination", SimpMessageHeaderAccessor.getDestination(message.getHeaders()));
        }
    }
}
