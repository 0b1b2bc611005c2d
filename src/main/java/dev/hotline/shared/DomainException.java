package dev.hotline.shared;

/**
 * A business rule refused the request. Carries a stable machine-readable code; the web layer turns it into an
 * RFC 9457 problem response whose status follows the subclass.
 */
public abstract class DomainException extends RuntimeException {

    private final String code;

    protected DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
