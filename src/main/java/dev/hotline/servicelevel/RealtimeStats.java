package dev.hotline.servicelevel;

/** The supervisor wallboard's figures, the same on every node (kept in Redis under {@code hotline:stats:}). */
public interface RealtimeStats {

    /** Every queue and the overall figures, at most about a second old. */
    WallboardSnapshot snapshot();

    /** The figures as they are now (for a push right after they moved); also refreshes {@link #snapshot()}. */
    WallboardSnapshot fresh();
}
