package dev.hotline.console;

import dev.hotline.servicelevel.CallsOnHold;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The wallboard's calls on hold: who holds which call for how long, and today's holds per queue. */
@Tag(name = "Consoles")
@RestController
class WallboardHolds {

    private final CallsOnHold holds;

    WallboardHolds(CallsOnHold holds) {
        this.holds = holds;
    }

    record Holds(List<CallsOnHold.HeldCall> calls, List<CallsOnHold.HoldFigures> today) {
    }

    @Operation(summary = "Calls on hold now, longest first, and today's holds and average hold time per queue")
    @GetMapping("/api/wallboard/held")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'MANAGER', 'ADMIN')")
    Holds held() {
        return new Holds(holds.now(), holds.today());
    }
}
