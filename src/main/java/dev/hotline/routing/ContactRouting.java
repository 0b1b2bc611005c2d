package dev.hotline.routing;

import dev.hotline.shared.ContactId;

/** Routing as the three-ring escalation and supervisors use it. */
public interface ContactRouting {

    /** The queue's settings; an unknown name gives the default queue. */
    QueueSettings queue(String name);

    RoutingStatus status(ContactId contactId);

    /**
     * Rings every free agent with the queue's skills at any level at once (the first accept wins, the other offers are
     * withdrawn). Returns how many agents were rung now.
     */
    int widen(ContactId contactId);

    /** Major complaints jump ahead of everyone, keeping their arrival order among themselves. */
    void prioritize(ContactId contactId, boolean majorComplaint);
}
