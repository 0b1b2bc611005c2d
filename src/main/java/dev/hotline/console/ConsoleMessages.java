package dev.hotline.console;

import dev.hotline.routing.AgentState;
import dev.hotline.shared.Channel;

import java.time.Instant;
import java.util.List;

/**
 * What the consoles receive. Pushes to an agent get a {@code seq} field in front (per agent, +1 per push, see
 * {@link ConsoleRelay}); {@code type} tells the client which record it is.
 */
final class ConsoleMessages {

    private ConsoleMessages() {
    }

    /**
     * An offer rings until {@code ringDeadline}; the client counts rings with {@code ringPeriodMillis}.
     * {@code callbackTo}: a queued callback (the caller left this number); accepting it places the call-back.
     */
    record Offer(String type, long contactId, String queue, Channel channel, Instant offeredAt, Instant ringDeadline,
                 long ringPeriodMillis, long remainingMillis, boolean widened, ScreenPop screenPop, String callbackTo) {
    }

    record OfferWithdrawn(String type, long contactId, String reason, Instant at) {
    }

    record StateChanged(String type, AgentState state, AgentState from, String reason, Long contactId, Instant at) {
    }

    /**
     * A contact the agent works on (after accept), or that just ended ({@code type} "contact-ended").
     * {@code heldSince}: the call is on hold since then (only in a resume; later holds come as contact-held pushes).
     * {@code callbackTo}: a queued callback being called back on this number (the console shows "Callback to …").
     */
    record ActiveContact(String type, long contactId, String queue, Channel channel, String from, Long customerId,
                         Instant answeredAt, Instant heldSince, String callbackTo) {

        ActiveContact(String type, long contactId, String queue, Channel channel, String from, Long customerId,
                      Instant answeredAt) {
            this(type, contactId, queue, channel, from, customerId, answeredAt, null, null);
        }
    }

    /** Everything a (re)connecting console shows; {@code seq} is the last push number, to count gaps from. */
    record Resume(String type, long seq, String agent, AgentState state, String reason, Instant since,
                  Offer pendingOffer, List<ActiveContact> activeContacts, long ringNoAnswers) {
    }

    /** RFC 9457 problem, sent only to the session that caused it. */
    record Problem(String type, String title, int status, String detail, String code, String destination) {
    }

    /** A supervisor alert: {@code kind} ring (no agent at ring N), ring-no-answer (agent paused) or service-level. */
    record Alert(String type, String kind, String queue, String agent, Long contactId, Integer ring, Double value,
                 Double target, String window, Instant at) {
    }

    /**
     * A ticket alert on the wallboard: {@code kind} major-incident (a major complaint or emergency), deadline-near or
     * deadline-missed ({@code deadline} the SLA clock, {@code dueAt} when it runs out).
     */
    record TicketAlert(String type, String kind, long ticketId, String ticketNumber, String deadline, Instant dueAt,
                       String assignee, Instant at) {
    }

    /** An escalation for this person; acknowledged through POST /api/notifications/{id}/acknowledge. */
    record Notification(String type, long id, String rule, String title, String body, Long ticketId,
                        String ticketNumber, Instant occurredAt) {
    }
}
