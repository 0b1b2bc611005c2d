package dev.hotline.console;

import dev.hotline.routing.ContactHandlers;
import dev.hotline.shared.ContactId;
import dev.hotline.ticket.ContactWorkers;
import org.springframework.stereotype.Component;

/** The ticket module's view of who works a contact is routing's rule ({@link ContactHandlers}). */
@Component
class RoutedContactWorkers implements ContactWorkers {

    private final ContactHandlers handlers;

    RoutedContactWorkers(ContactHandlers handlers) {
        this.handlers = handlers;
    }

    @Override
    public boolean worksOn(ContactId contact, String agent) {
        return handlers.worksOn(contact, agent);
    }
}
