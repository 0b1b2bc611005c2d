package dev.hotline.servicelevel;

import java.time.Instant;

/** A queue's rolling service level fell under the target (published once per crossing, on one node). */
public record ServiceLevelAlert(String queue, String window, double serviceLevel, double target, Instant at) {
}
