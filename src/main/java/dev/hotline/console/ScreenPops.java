package dev.hotline.console;

import dev.hotline.contact.ContactIntake;
import dev.hotline.contact.ContactSnapshot;
import dev.hotline.customer.CustomerDirectory;
import dev.hotline.shared.ContactId;
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

    private ScreenPop assemble(ContactSnapshot contact) {
        Long customerId = contact.customerId();
        if (customerId == null) {
            return new ScreenPop(true, contact.from(), null, null, null, List.of(), List.of());
        }
        var card = customers.find(customerId).orElse(null);
        return new ScreenPop(false, contact.from(), customerId, contact.customerTier(), card,
                tickets.of(customerId, contact.id()),
                interactions(customerId, contact.id()));
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
