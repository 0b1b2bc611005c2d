package dev.hotline.shared;

/** The named thing does not exist (HTTP 404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super("not-found", what + " '" + id + "' does not exist");
    }
}
