package dev.hotline.routing;

/** Which free agent of a queue is offered the next contact. */
public enum RoutingStrategy {
    /** The agent free for the longest time (a reject or a finished contact sends the agent to the back). */
    LONGEST_IDLE,
    /** The agent offered a contact least recently. */
    ROUND_ROBIN,
    /** The agent who has handled the fewest contacts; ties by longest idle. */
    FEWEST_CONTACTS
}
