package dev.hotline.console;

import dev.hotline.shared.ContactId;

import java.util.List;

/** The customer's open tickets for the screen pop; {@code current} the contact popping (its own draft is shown). */
interface OpenTickets {

    List<ScreenPop.OpenTicket> of(long customerId, ContactId current);
}
