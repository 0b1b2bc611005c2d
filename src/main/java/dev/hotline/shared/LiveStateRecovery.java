package dev.hotline.shared;

/**
 * Whether the live state (routing's Redis) came back empty and is still being rebuilt from the record. An action
 * refused meanwhile because the live state does not know its contact or agent (409 {@code not-active},
 * {@code offer-gone}...) is not refused for good: it is answered as an outage (503 {@code unavailable}, Retry-After),
 * which consoles and integrations send again, and applied once the rebuild is done.
 */
public interface LiveStateRecovery {

    boolean rebuilding();

    /** True when {@code e} is to be answered as an outage: a conflict while the live state is being rebuilt. */
    static boolean refusedForNow(DomainException e, java.util.function.Supplier<LiveStateRecovery> recovery) {
        if (!(e instanceof ConflictException)) {
            return false;
        }
        LiveStateRecovery r = recovery.get();
        return r != null && r.rebuilding();
    }
}
