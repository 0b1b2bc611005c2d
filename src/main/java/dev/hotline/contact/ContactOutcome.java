package dev.hotline.contact;

/** How a contact ended. Every contact ends with exactly one outcome. */
public enum ContactOutcome {
    ANSWERED, ABANDONED, OVERFLOWED, CALLBACK, FAILED
}
