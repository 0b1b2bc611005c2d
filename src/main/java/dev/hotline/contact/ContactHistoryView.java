package dev.hotline.contact;

import java.time.Instant;

/** One row of a contact's history, for timelines and the API. */
public record ContactHistoryView(Instant at, String action, ContactStatus fromStatus, ContactStatus toStatus,
                                 String agent, String detail) {
}
