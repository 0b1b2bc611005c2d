package dev.hotline.console;

import java.util.List;

/** The customer's open tickets for the screen pop. */
interface OpenTickets {

    List<ScreenPop.OpenTicket> of(long customerId);
}
