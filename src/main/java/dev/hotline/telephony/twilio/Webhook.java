package dev.hotline.telephony.twilio;

import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/** A verified Twilio request: its form parameters, signed by Twilio, and the query of the URL we gave it. */
record Webhook(String path, Map<String, String> params, Map<String, String> query) {

    static final Pattern CALL_SID = Pattern.compile("CA[0-9a-fA-F]{32}");
    static final Pattern MESSAGE_SID = Pattern.compile("(SM|MM)[0-9a-fA-F]{32}");

    String param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    /** A required id; missing or malformed is the sender's mistake (400). */
    String require(String name, Pattern shape) {
        String value = param(name);
        if (value == null || !shape.matcher(value).matches()) {
            throw new WebhookRefused(HttpStatus.BAD_REQUEST, "malformed-webhook",
                    (value == null ? "Missing " : "Malformed ") + name + " in a Twilio webhook to " + path);
        }
        return value;
    }

    /**
     * When Twilio says it happened: status callbacks carry {@code Timestamp} (RFC 2822). Null (= now) when absent or
     * unreadable; a callback is never refused for its clock.
     */
    Instant timestamp() {
        String value = param("Timestamp");
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
