package dev.hotline.followup;

import java.time.LocalDate;

/**
 * Which tasks to list. {@code view}: DUE_TODAY (open, due on or before today), OVERDUE (open, due before today),
 * DONE (done), ALL. {@code assignee}: a name, or null for all the caller may see.
 */
public record VisitQuery(View view, String assignee, Long customerId, LocalDate today) {

    public enum View {
        DUE_TODAY, OVERDUE, DONE, OPEN, ALL
    }
}
