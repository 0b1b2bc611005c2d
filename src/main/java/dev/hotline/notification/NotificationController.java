package dev.hotline.notification;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import dev.hotline.shared.ConflictException;
import dev.hotline.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

/** Everyone lists and acknowledges their own notifications; admins see deliveries (failures) and retry them. */
@Tag(name = "Notifications", description = "Escalation notices to people: in-app, e-mail, SMS")
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "SENT", "FAILED");

    private final Notifications notifications;
    private final Deliveries deliveries;

    NotificationController(Notifications notifications, Deliveries deliveries) {
        this.notifications = notifications;
        this.deliveries = deliveries;
    }

    @Operation(summary = "My notifications")
    @GetMapping
    List<Notifications.Listed> mine(@RequestParam(defaultValue = "false") boolean unacknowledged,
                                    @RequestParam(defaultValue = "50") int limit, Authentication auth) {
        return notifications.of(auth.getName(), unacknowledged, limit(limit));
    }

    @Operation(summary = "Acknowledge a notification")
    @PostMapping("/{id}/acknowledge")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void acknowledge(@PathVariable long id, Authentication auth) {
        notifications.acknowledge(id, auth.getName());
    }

    @Operation(summary = "Notification deliveries (e-mail, SMS) by status")
    @GetMapping("/deliveries")
    @PreAuthorize("hasRole('ADMIN')")
    List<Deliveries.Attempted> deliveries(@RequestParam(required = false) String status,
                                          @RequestParam(defaultValue = "100") int limit) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "status is one of " + STATUSES);
        }
        return deliveries.list(status, limit(limit));
    }

    @Operation(summary = "Retry a failed delivery")
    @PostMapping("/deliveries/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    void retry(@PathVariable long id) {
        if (!deliveries.retry(id)) {
            throw new ConflictException("not-failed", "Delivery " + id + " is not a failed delivery");
        }
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "limit is 1..500");
        }
        return limit;
    }
}
