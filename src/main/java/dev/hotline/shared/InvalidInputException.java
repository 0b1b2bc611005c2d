package dev.hotline.shared;

/** A value is well-formed JSON but not acceptable, e.g. a phone number that is not one (HTTP 400). */
public class InvalidInputException extends DomainException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super("invalid-input", message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
