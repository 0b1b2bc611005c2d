package dev.hotline.contact;

/** Where a contact is in its life. */
public enum ContactStatus {
    /** Registered, waiting for an agent (the caller hears ringback). */
    WAITING,
    /** An agent's console is ringing with it. */
    OFFERED,
    /** An agent is talking / writing with the customer. */
    CONNECTED,
    /** Finished; see {@link ContactOutcome}. */
    ENDED
}
