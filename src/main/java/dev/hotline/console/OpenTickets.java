package dev.hotline.console;

import java.util.List;

/**
 * The customer's open tickets for the screen pop. The ticket module is not on this branch yet: the lead replaces the
 * empty implementation in {@link ScreenPops} with one backed by its API at merge.
 */
interface OpenTickets {

    List<ScreenPop.OpenTicket> of(long customerId);
}
