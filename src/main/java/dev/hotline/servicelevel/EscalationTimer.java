package dev.hotline.servicelevel;

import java.time.Instant;

/** Wakes the escalations up at a time on this node (tests drive it by hand). */
interface EscalationTimer {

    void at(Instant when, Runnable task);
}
