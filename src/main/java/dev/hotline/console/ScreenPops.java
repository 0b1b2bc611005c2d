package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.customer.CustomerDirectory;
import dev.hotline.routing.ContactOffered;
import dev.hotline.shared.ContactId;
import dev.hotline.shared.CustomerTier;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Assembles the screen pop of a contact from the customer archive, tickets and contact history, in one read-only
 * transaction: one pooled connection per pop instead of one per query, since pops compete with arrivals for the pool.
 */
@Component
class ScreenPops {

    static final int INTERACTIONS = 10;

    private final ContactIntake contacts;
    private final CustomerDirectory customers;
    private final OpenTickets tickets;

    private final TransactionTemplate readOnly;

    ScreenPops(ContactIntake contacts, CustomerDirectory customers, OpenTickets tickets,
               PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.customers = customers;
        this.tickets = tickets;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** The pop of a stored contact; null when there is no such contact. */
    ScreenPop of(ContactId id) {
        return readOnly.execute(status -> contacts.find(id).map(this::assemble).orElse(null));
    }

    ScreenPop of(ContactSnapshot contact) {
        return readOnly.execute(status -> assemble(contact));
    }

    /**
     * The pop of an offer from what routing holds of the contact: an unknown caller's needs no database at all, a
     * customer's card was cached when the arrival identified the caller. A contact routing holds without the caller's
     * address (queued by an older version) is read from the record.
     */
    ScreenPop of(ContactOffered offer) {
        if (offer.from() == null) {
            return of(offer.contactId());
        }
        if (offer.customerId() == null) {
            return unknownCaller(offer.from());
        }
        return readOnly.execute(status -> known(offer.contactId(), offer.from(), offer.customerId(),
                offer.customerTier()));
    }

    private ScreenPop assemble(ContactSnapshot contact) {
        return contact.customerId() == null ? unknownCaller(contact.from())
                : known(contact.id(), contact.from(), contact.customerId(), contact.customerTier());
    }

    private static ScreenPop unknownCaller(String from) {
        return new ScreenPop(true, from, null, null, null, List.of(), List.of());
    }

    private ScreenPop known(ContactId id, String from, long customerId, CustomerTier tier) {
        var card = customers.find(customerId).orElse(null);
        return new ScreenPop(false, from, customerId, tier, card, tickets.of(customerId, id), interactions(customerId, id));
    }

    private List<ScreenPop.Interaction> interactions(long customerId, ContactId current) {
        var page = PageRequest.of(0, INTERACTIONS + 1); // newest first
        return contacts.search(null, null, null, customerId, null, page).stream()
                .filter(c -> !c.id().equals(current))
                .limit(INTERACTIONS)
                .map(c -> new ScreenPop.Interaction(c.id().value(), c.channel(), c.queue(), c.agent(),
                        c.status().name(), c.outcome() == null ? null : c.outcome().name(), c.arrivedAt(), c.subject(),
                        c.disposition()))
                .toList();
    }
}
