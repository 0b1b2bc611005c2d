package dev.hotline.telephony.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * A refused Twilio webhook (bad signature, malformed callback, the app not ready) is one log line and one problem
 * response, for every Twilio webhook controller alike (the adapter's package: only its webhook verifier throws
 * {@link WebhookRefused}, so a new webhook controller needs no listing here). Ahead of the app-wide problem handling,
 * which would answer it as an unexpected error.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(basePackageClasses = TwilioWebhookRefusals.class)
class TwilioWebhookRefusals {

    private static final Logger log = LoggerFactory.getLogger(TwilioWebhookRefusals.class);

    @ExceptionHandler(WebhookRefused.class)
    ResponseEntity<ProblemDetail> refused(WebhookRefused e) {
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            log.debug("Refused Twilio webhook ({}): {}", e.code(), e.getMessage());
        } else {
            log.warn("Refused Twilio webhook ({}): {}", e.code(), e.getMessage());
        }
        var problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setType(URI.create("https://hotline.dev/problems/" + e.code()));
        problem.setProperty("code", e.code());
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
