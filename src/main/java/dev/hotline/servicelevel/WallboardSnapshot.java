package dev.hotline.servicelevel;

import java.time.Instant;
import java.util.List;

/** What a supervisor sees: per queue and overall ({@code queue} "*"), plus the day's start for the chart. */
public record WallboardSnapshot(Instant at, Instant dayStart, double serviceLevelTarget, int targetRings,
                                QueueFigures overall, List<QueueFigures> queues) {
}
