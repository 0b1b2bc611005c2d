package dev.hotline.servicelevel;

import java.time.Instant;

/** This node has just changed a wallboard figure (a contact queued, answered, ended, an agent's state): show it soon. */
public record WallboardMoved(Instant at) {
}
