package dev.hotline.ticket.web;

import dev.hotline.ticket.Kpi;
import dev.hotline.ticket.KpiTargets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** KPI targets: supervisors and managers read them, admins set them. */
@RestController
@RequestMapping("/api/kpi-targets")
@io.swagger.v3.oas.annotations.tags.Tag(name = "Reports", description = "Contact figures, KPI scorecard and the monthly management report")
class KpiTargetController {

    private final KpiTargets targets;

    KpiTargetController(KpiTargets targets) {
        this.targets = targets;
    }

    record Target(@NotNull @DecimalMin("0") @DecimalMax("100") Double target) {
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "KPI targets in force")
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGER')")
    Map<Kpi, Double> list() {
        return targets.current();
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Set the target of a KPI")
    @PutMapping("/{kpi}")
    @PreAuthorize("hasRole('ADMIN')")
    Map<Kpi, Double> set(@PathVariable Kpi kpi, @Valid @RequestBody Target body, Authentication auth) {
        targets.set(kpi, body.target(), auth.getName());
        return targets.current();
    }
}
