package dev.hotline.console;

import dev.hotline.routing.AgentPresence;
import dev.hotline.routing.AgentState;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/**
 * Where an agent may transfer a call: every queue, and the other agents who are AVAILABLE now (a named transfer rings
 * only a free agent). Read when the agent opens the transfer picker, so the list is as fresh as the click.
 */
@Tag(name = "Consoles")
@RestController
class TransferTargets {

    private final RoutingAdministration routing;
    private final AgentPresence presence;

    TransferTargets(RoutingAdministration routing, AgentPresence presence) {
        this.routing = routing;
        this.presence = presence;
    }

    record Target(String username, String displayName) {
    }

    record Targets(List<String> queues, List<Target> agents) {
    }

    @Operation(summary = "Transfer targets: every queue and the agents available now (agent console)")
    @GetMapping("/api/console/transfer-targets")
    @PreAuthorize("hasAnyRole('AGENT', 'SUPERVISOR', 'ADMIN')")
    Targets targets(Principal user) {
        var queues = routing.queues().stream().map(QueueSettings::name).sorted().toList();
        var agents = routing.agents().stream()
                .filter(a -> !a.username().equals(user.getName()))
                .filter(a -> presence.status(a.username()).state() == AgentState.AVAILABLE)
                .map(a -> new Target(a.username(), a.displayName()))
                .toList();
        return new Targets(queues, agents);
    }
}
