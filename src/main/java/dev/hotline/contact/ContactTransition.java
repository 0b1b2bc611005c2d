package dev.hotline.contact;

import java.time.Instant;

/**
 * One entry of routing's journal: a transition routing has already made in the live state, to be recorded. Entries
 * are applied in {@code seq} order and at most once per (contact, seq); a repeat changes nothing.
 *
 * @param outcome  for {@link Kind#ENDED}: how it ended; null when routing no longer knew the contact (the record decides:
 *                 connected means answered, anything else abandoned)
 * @param requeued for {@link Kind#WITHDRAWN}: no other offer rings, so the contact waits again
 * @param detail   a reason (withdrawn), a target (overflowed), the agent's disposition, the queue moved from
 */
public record ContactTransition(long contactId, long seq, Kind kind, Instant at, String agent, String queue,
                                long ringPeriodMillis, ContactOutcome outcome, boolean requeued, String detail) {

    public enum Kind {
        /** Placed in {@code queue} with its ring period. */
        QUEUED,
        /** An agent's console rings with it. */
        OFFERED,
        /** One agent's offer ended ({@code detail} says why); the contact may still ring elsewhere. */
        WITHDRAWN,
        /** The agent took it; voice contacts are answered when telephony connects the call. */
        ACCEPTED,
        /** The agent and the customer are connected. */
        ANSWERED,
        /** Final. */
        ENDED,
        /** The agent's disposition at finish (also after the caller hung up). */
        DISPOSITION,
        /** Moved to {@code queue} (from {@code detail}), waiting again. */
        TRANSFERRED,
        /** The connected agent put the call on hold. */
        HELD,
        /** The agent took the held call back ({@code detail}: the hold's length in milliseconds). */
        RESUMED,
        /**
         * A step of a consultative transfer ({@code detail}: started, accepted, failed, returned, completed, with the
         * target); a completed one makes {@code agent} (the target) the contact's agent.
         */
        CONSULTED,
        /**
         * The waiting caller left a call-back number ({@code detail}) and hung up; the contact keeps its place. (The
         * callback kinds are at most 16 characters: {@code contact_history.action}.)
         */
        CALLBACK_REQUEST,
        /** The call-back an agent placed did not connect ({@code detail}: why, attempts); the contact waits again. */
        CALLBACK_MISSED,
        /** A callback's retry pause is over: back in its queue at its place ({@code detail}: the attempt). */
        CALLBACK_RETRY
    }
}
