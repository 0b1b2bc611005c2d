package dev.hotline.ticket;

import dev.hotline.shared.ContactId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import java.time.Instant;
import java.util.Optional;

/**
 * The ticket module's API. Every change is checked against the type's flow and the actor's rights before anything is
 * written, then stored with a history row and its events in one transaction. Refusals: an illegal step or a change
 * that clashes with the state → {@link dev.hotline.shared.ConflictException}; a missing mandatory field →
 * {@link dev.hotline.shared.InvalidInputException}; another agent's ticket → {@link dev.hotline.shared.NotPermittedException};
 * unknown id → {@link dev.hotline.shared.NotFoundException}.
 */
public interface TicketManagement {

    /** The draft ticket of a new contact; returns the contact's ticket if it already has one (idempotent). */
    TicketView openForContact(ContactId contactId, Long customerId, String subject, Instant openedAt);

    /**
     * The agent answered the contact: its ticket (opened now if the arrival has not opened it yet) goes to the agent
     * when it is an open draft nobody has taken. Idempotent.
     */
    TicketView takeDraftOf(ContactId contactId, Long customerId, Instant openedAt, String agent);

    /** An agent opens a ticket by hand; registered at once when type and mandatory fields are given. */
    TicketView create(NewTicket ticket, TicketActor actor);

    /** Changes fields without changing status; the type is fixed once registered. */
    TicketView update(long ticketId, TicketFields fields, TicketActor actor);

    /** One step of the flow, with the fields it needs and an optional note. */
    TicketView transition(long ticketId, TicketStatus target, TicketFields fields, String note, TicketActor actor);

    TicketView comment(long ticketId, String text, TicketActor actor);

    /**
     * The customer is not satisfied with a complaint's outcome (003 §4.4.4: 再次进入抱怨处理流程): the complaint goes back
     * into its flow as REOPENED, from CUSTOMER_INFORMED or after it was CLOSED (the only way back from CLOSED), and
     * {@link ComplaintEscalated} (REOPENED) copies the general manager. Conflict ({@code not-reopenable}) for any other
     * ticket or status, e.g. a complaint that is already back in work.
     */
    TicketView reopenNotSatisfied(long ticketId, String note, TicketActor actor);

    /** Agents may take a ticket for themselves; supervisors assign anyone. Null unassigns (supervisors). */
    TicketView assign(long ticketId, String assignee, TicketActor actor);

    /**
     * Moves a contact onto this open ticket (same customer). A draft left without contacts is closed as merged.
     */
    TicketView linkContact(long ticketId, ContactId contactId, TicketActor actor);

    /**
     * The caller of the contact was registered as a customer while the ticket was open: the contact's ticket, if it
     * has no customer yet, gets this one (history: who and which customer). Empty when the contact has no ticket.
     */
    Optional<TicketView> identifyCustomer(ContactId contactId, long customerId, TicketActor actor);

    Optional<TicketView> find(long ticketId);

    Optional<TicketView> findByNumber(String number);

    Optional<TicketView> findByContact(ContactId contactId);

    TicketDetail detail(long ticketId);

    Page<TicketView> search(TicketQuery query, Pageable page);

    /** KPIs of tickets opened in [from, to); {@code productsShipped} null when unknown (no complaint rate). */
    TicketKpis kpis(Instant from, Instant to, Long productsShipped);

    /**
     * KPIs of tickets opened from {@code from} up to {@code to}, the complaint rate over the units the archive shipped
     * in those days (in the zone of the business calendar), scored against the targets. Satisfaction is not measured yet (null).
     */
    KpiScorecard scorecard(Instant from, Instant to);

    /**
     * The same scorecard with the satisfaction KPI measured: {@code satisfaction} is the period's average survey score
     * (0–100, follow-up's), null when nobody answered a survey (then it is shown but not scored).
     */
    KpiScorecard scorecard(Instant from, Instant to, Double satisfaction);
}
