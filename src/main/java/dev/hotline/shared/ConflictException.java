package dev.hotline.shared;

/** The request clashes with the current state: a duplicate, or a transition not allowed now (HTTP 409). */
public class ConflictException extends DomainException {

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
