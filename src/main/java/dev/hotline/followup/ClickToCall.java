package dev.hotline.followup;

import dev.hotline.contact.ContactDirection;
import dev.hotline.contact.ContactHistoryView;
import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactOutcome;
import dev.hotline.customer.CustomerCard;
import dev.hotline.customer.CustomerDirectory;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotPermittedException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.ServiceUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The Call button of a visit task or a customer: the agent working it calls the customer through the configured
 * telephony ({@link OutboundCalls}). The number is one of the customer's archive numbers, never free text, so the
 * console cannot be used to dial anywhere.
 */
@Service
public class ClickToCall {

    private final Visits visits;
    private final CustomerDirectory customers;
    private final ObjectProvider<OutboundCalls> telephony;
    private final ContactIntake contacts;

    ClickToCall(Visits visits, CustomerDirectory customers, ObjectProvider<OutboundCalls> telephony,
                ContactIntake contacts) {
        this.visits = visits;
        this.customers = customers;
        this.telephony = telephony;
        this.contacts = contacts;
    }

    /**
     * Where an outbound call stands, for the agent who placed it (or a supervisor): RINGING until the customer
     * answers, CONNECTED, then ENDED, or FAILED with the reason (agent-phone-busy, customer-no-answer...).
     */
    public CallProgress progress(long contactId, FollowupActor actor) {
        var id = new ContactId(contactId);
        var contact = contacts.find(id).filter(c -> c.direction() == ContactDirection.OUTBOUND)
                .orElseThrow(() -> new NotFoundException("Outbound call", contactId));
        var history = contacts.history(id);
        // the record follows routing's journal: for a moment after the call is placed its ACCEPTED entry (who placed
        // it) may not be written yet, and the placing agent's first look must not be refused then
        var placedBy = history.stream().filter(h -> "ACCEPTED".equals(h.action())).map(ContactHistoryView::agent)
                .findFirst();
        if (!actor.supervisor() && placedBy.isPresent() && !actor.name().equals(placedBy.get())) {
            throw new NotPermittedException("Agents follow only their own calls");
        }
        String reason = history.stream().filter(h -> "FAILED".equals(h.action())).map(ContactHistoryView::detail)
                .findFirst().orElse(null);
        String state = contact.outcome() == ContactOutcome.FAILED ? "FAILED" : contact.isFinal() ? "ENDED"
                : contact.answeredAt() != null ? "CONNECTED" : "RINGING";
        return new CallProgress(contactId, state, reason, contact.to(), contact.answeredAt(), contact.endedAt());
    }

    /** {@code state}: RINGING, CONNECTED, ENDED or FAILED ({@code reason} says why). */
    public record CallProgress(long contactId, String state, String reason, String number,
                               java.time.Instant answeredAt, java.time.Instant endedAt) {
    }

    /** Calls the customer of a visit task the actor may work (own, or the pool's). */
    public OutboundCalls.PlacedCall callForVisit(long taskId, String number, FollowupActor actor) {
        VisitTask task = visits.get(taskId, actor);
        return call(task.customerId(), number, actor, "Return visit " + task.id()
                + (task.ticketNumber() == null ? "" : " (" + task.ticketNumber() + ")"));
    }

    /** Calls a customer of the archive (a call-back, a survey by phone). */
    public OutboundCalls.PlacedCall callCustomer(long customerId, String number, FollowupActor actor) {
        return call(customerId, number, actor, "Call-back of customer " + customerId);
    }

    private OutboundCalls.PlacedCall call(long customerId, String number, FollowupActor actor, String purpose) {
        CustomerCard card = customers.find(customerId).orElseThrow(() -> new NotFoundException("Customer", customerId));
        if (card.phones().isEmpty()) {
            throw new InvalidInputException("number", "Customer " + customerId + " has no phone number in the archive");
        }
        String chosen = number == null || number.isBlank() ? card.phones().get(0) : number.strip();
        if (!card.phones().contains(chosen)) {
            throw new InvalidInputException("number", "Only the customer's own archive numbers can be called");
        }
        OutboundCalls calls = telephony.orderedStream().findFirst().orElseThrow(() -> new ServiceUnavailableException(
                "telephony-unavailable", "No telephony is configured for outbound calls (Asterisk or Twilio)"));
        return calls.place(actor.name(), chosen, purpose);
    }
}
