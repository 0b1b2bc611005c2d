package dev.hotline.telephony.twilio;

import org.springframework.http.HttpStatus;

/** A webhook we do not act on: the status and a stable code go back to Twilio as a problem response. */
class WebhookRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    WebhookRefused(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
