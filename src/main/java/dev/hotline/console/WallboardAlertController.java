package dev.hotline.console;

import dev.hotline.servicelevel.RealtimeStats;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.security.Principal;
import java.util.List;

/** Today's kept wallboard alerts, and a supervisor acknowledging one. */
@Tag(name = "Consoles")
@RestController
class WallboardAlertController {

    private final WallboardAlerts alerts;
    private final RealtimeStats stats;

    WallboardAlertController(WallboardAlerts alerts, RealtimeStats stats) {
        this.alerts = alerts;
        this.stats = stats;
    }

    @Operation(summary = "Today's wallboard alerts, newest first, with who acknowledged each and when")
    @GetMapping("/api/wallboard/alerts")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    List<JsonNode> today() {
        return alerts.since(stats.snapshot().dayStart());
    }

    @Operation(summary = "Acknowledge a wallboard alert (once; every wallboard is told)")
    @PostMapping("/api/wallboard/alerts/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    WallboardAlerts.Acknowledged acknowledge(@PathVariable long id, Principal supervisor) {
        return alerts.acknowledge(id, supervisor.getName());
    }
}
