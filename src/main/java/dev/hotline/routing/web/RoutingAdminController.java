package dev.hotline.routing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.OnCallShift;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.routing.RoutingStrategy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.hotline.shared.InvalidInputException;
import dev.hotline.shared.NotFoundException;
import dev.hotline.shared.People;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Queues and agents: ADMIN edits, SUPERVISOR reads. PUT creates or replaces (idempotent). */
@Tag(name = "Routing")
@RestController
class RoutingAdminController {

    private final RoutingAdministration admin;

    private final People people;

    RoutingAdminController(RoutingAdministration admin, People people) {
        this.admin = admin;
        this.people = people;
    }

    record ShiftBody(@NotEmpty Set<DayOfWeek> days, @NotNull LocalTime from, @NotNull LocalTime to,
                     @NotBlank @Size(max = 32) String phone) {
    }

    /** Null fields take the hotline.routing defaults. Durations in ISO-8601 (PT15S) or milliseconds. */
    record QueueBody(Map<String, @NotNull @Min(1) @Max(5) Integer> skills, RoutingStrategy strategy, Duration ringNoAnswer,
                     Duration ringPeriod, @Positive Integer alertRing, @Positive Integer widenRing,
                     @Positive Integer overflowRing, @Size(max = 64) String zone,
                     List<@NotNull @Valid ShiftBody> onCall) {
    }

    record AgentBody(@Size(max = 128) String displayName, Map<String, @NotNull @Min(1) @Max(5) Integer> skills,
                     @Size(max = 32) String extension, @Size(max = 32) String phone,
                     @Size(max = 128) String clientIdentity, @Positive Integer voiceCapacity,
                     @Positive Integer textCapacity) {
    }

    @Operation(summary = "List queues")
    @GetMapping("/api/queues")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<QueueSettings> queues() {
        return admin.queues();
    }

    @Operation(summary = "A queue's settings")
    @GetMapping("/api/queues/{name}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    QueueSettings queue(@PathVariable String name) {
        return admin.queueSettings(name);
    }

    @Operation(summary = "Create or change a queue (skills, strategy, rings, on-call shifts)")
    @PutMapping("/api/queues/{name}")
    @PreAuthorize("hasRole('ADMIN')")
    QueueSettings saveQueue(@PathVariable @Pattern(regexp = "[a-z0-9._-]{1,64}") String name,
                            @Valid @RequestBody QueueBody body) {
        QueueSettings d = admin.queueDefaults(name);
        var shifts = body.onCall() == null ? List.<OnCallShift>of()
                : body.onCall().stream().map(s -> new OnCallShift(s.days(), s.from(), s.to(), s.phone())).toList();
        return admin.saveQueue(new QueueSettings(name, body.skills() == null ? Map.of() : body.skills(),
                or(body.strategy(), d.strategy()), or(body.ringNoAnswer(), d.ringNoAnswer()),
                or(body.ringPeriod(), d.ringPeriod()), or(body.alertRing(), d.alertRing()),
                or(body.widenRing(), d.widenRing()), or(body.overflowRing(), d.overflowRing()),
                body.zone() == null ? d.zone() : zone(body.zone()), shifts));
    }

    @Operation(summary = "List agents' routing profiles")
    @GetMapping("/api/agents")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    List<AgentProfile> agents() {
        return admin.agents();
    }

    @Operation(summary = "An agent's routing profile")
    @GetMapping("/api/agents/{username}")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    AgentProfile agent(@PathVariable String username) {
        return admin.agent(username);
    }

    @Operation(summary = "Set an agent's routing profile (skills, extension, capacity)")
    @PutMapping("/api/agents/{username}")
    @PreAuthorize("hasRole('ADMIN')")
    AgentProfile saveAgent(@PathVariable @Pattern(regexp = "[a-zA-Z0-9._-]{2,64}") String username,
                           @Valid @RequestBody AgentBody body) {
        if (people.find(username).isEmpty()) {
            throw new NotFoundException("User", username);
        }
        var defaults = admin.defaults();
        return admin.saveAgent(new AgentProfile(username,
                body.displayName() == null || body.displayName().isBlank() ? username : body.displayName(),
                body.skills() == null ? Map.of() : body.skills(), body.extension(), body.phone(), body.clientIdentity(),
                or(body.voiceCapacity(), defaults.voiceCapacity()), or(body.textCapacity(), defaults.textCapacity()), 0));
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException unknown) {
            throw new InvalidInputException("zone", "'" + id + "' is not a time zone (e.g. Asia/Shanghai)");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
