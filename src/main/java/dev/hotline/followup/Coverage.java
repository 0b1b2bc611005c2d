package dev.hotline.followup;

/**
 * Progress towards visiting {@code requiredPercent} of all customers in {@code year} (004 §7.0 4.5):
 * {@code required = ceil(customers · percent / 100)}, {@code stillDue = max(0, required − visited)}.
 * {@code openDue}/{@code overdue}: open visit tasks due by today / before today.
 */
public record Coverage(int year, long customers, long visited, double visitedPercent, double requiredPercent,
                       long required, long stillDue, long openDue, long overdue) {
}
