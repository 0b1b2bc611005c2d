package dev.hotline.shared.web;

import dev.hotline.shared.Outages;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.DomainException;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.NotPermittedException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every client mistake into an RFC 9457 problem response (4xx) with a stable {@code code}, and never shows a
 * stack trace. Spring MVC's own errors (unreadable JSON, unknown fields, missing parameters, wrong types) come through
 * {@link ResponseEntityExceptionHandler}.
 */
@RestControllerAdvice
class ProblemHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final org.springframework.beans.factory.ObjectProvider<dev.hotline.shared.LiveStateRecovery> recovery;

    ProblemHandling(org.springframework.beans.factory.ObjectProvider<dev.hotline.shared.LiveStateRecovery> recovery) {
        this.recovery = recovery;
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e) {
        if (dev.hotline.shared.LiveStateRecovery.refusedForNow(e, recovery::getIfAvailable)) {
            log.info("Refused for now while the live state is rebuilt: {}", e.getMessage());
            return unavailable();
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
        } else if (e instanceof dev.hotline.shared.ServiceUnavailableException) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
        }
        var problem = problem(status, e.code(), e.getMessage());
        if (e instanceof InvalidInputException invalid && invalid.field() != null) {
            problem.setProperty("errors", Map.of(invalid.field(), e.getMessage()));
        }
        return problem;
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        var errors = new LinkedHashMap<String, String>();
        e.getConstraintViolations().forEach(v -> errors.put(v.getPropertyPath().toString(), v.getMessage()));
        var problem = problem(HttpStatus.BAD_REQUEST, "validation", "Some values are not valid");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail dataIntegrity(DataIntegrityViolationException e) {
        // SQL state class 22 (data exception): a value too long or out of range for its column is bad input
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            log.info("Refused a value the database cannot store: {}", sql.getMessage());
            return problem(HttpStatus.BAD_REQUEST, "value-out-of-range", "A value is too long or out of range");
        }
        log.info("Refused a change that conflicts with stored data: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "conflict", "The change conflicts with existing data (a duplicate or a missing reference)");
    }

    /** A body announced as multipart that is not one: the client's mistake. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail unreadableMultipart(org.springframework.web.multipart.MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "unreadable-multipart", "The multipart body could not be read");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Your role may not do this");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        var errors = new LinkedHashMap<String, String>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        var problem = problem(HttpStatus.BAD_REQUEST, "validation", "Some fields are not valid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Says which field was wrong instead of Spring's bare "Failed to read request". */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = null;
        String detail = "The request body is not valid JSON for this endpoint";
        if (e.getMostSpecificCause() instanceof JacksonException json) {
            field = json.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            if (json instanceof UnrecognizedPropertyException) {
                detail = "Unknown field '" + field + "'";
            } else if (json instanceof InvalidFormatException invalid) {
                detail = "Field '" + field + "' does not accept the value '" + invalid.getValue() + "'";
            } else if (!field.isEmpty()) {
                detail = "Field '" + field + "' has a value of the wrong type or format";
            } else {
                detail = "Malformed JSON: " + json.getOriginalMessage();
            }
        }
        var problem = problem(HttpStatus.BAD_REQUEST, "unreadable-body", detail);
        if (field != null && !field.isEmpty()) {
            problem.setProperty("errors", Map.of(field, detail));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        var errors = new LinkedHashMap<String, String>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.putIfAbsent(String.valueOf(result.getMethodParameter().getParameterName()),
                        error.getDefaultMessage())));
        var problem = problem(HttpStatus.BAD_REQUEST, "validation", "Some parameters are not valid");
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** Every problem Spring MVC itself produces (missing parameter, wrong method, ...) also gets a {@code code}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            var known = HttpStatus.resolve(status.value());
            problem.setProperty("code", known == null ? "http-" + status.value()
                    : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e) {
        if (Outages.isOutage(e)) {
            log.warn("Refused a request while a store is unreachable: {}", e.toString());
            return unavailable();
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Something went wrong on our side; it has been logged");
    }

    private static ResponseEntity<ProblemDetail> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", Integer.toString(Outages.RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, Outages.CODE, Outages.DETAIL));
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://hotline.dev/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
