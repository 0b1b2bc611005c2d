package dev.hotline.shared;

/** The caller is authenticated but may not act on this resource, e.g. another agent's offer (HTTP 403). */
public class NotPermittedException extends DomainException {

    public NotPermittedException(String message) {
        super("not-permitted", message);
    }
}
