package dev.hotline.shared;

/**
 * A part outside the hotline that the request needs (the PBX, the telephony provider) is not reachable or refused:
 * nothing was done, try again later (HTTP 503).
 */
public class ServiceUnavailableException extends DomainException {

    public ServiceUnavailableException(String code, String message) {
        super(code, message);
    }
}
