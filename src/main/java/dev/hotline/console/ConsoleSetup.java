package dev.hotline.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.hotline.routing.AgentProfile;
import dev.hotline.routing.QueueSettings;
import dev.hotline.routing.RoutingAdministration;
import dev.hotline.shared.NotFoundException;

import java.security.Principal;
import java.util.List;

/**
 * What the agent console offers: the configured disposition codes to finish a contact with, and the queues the agent
 * serves (where a letter, visit or e-mail the agent logs is queued).
 */
@Tag(name = "Consoles")
@RestController
class ConsoleSetup {

    private final List<String> dispositionCodes;
    private final RoutingAdministration routing;

    ConsoleSetup(ConsoleProperties properties, RoutingAdministration routing) {
        this.dispositionCodes = properties.dispositionCodes();
        this.routing = routing;
    }

    record Setup(List<String> dispositionCodes, List<String> queues) {
    }

    @Operation(summary = "The agent console's configured choices (disposition codes)")
    @GetMapping("/api/console/setup")
    @PreAuthorize("isAuthenticated()")
    Setup setup(Principal user) {
        return new Setup(dispositionCodes, queuesOf(user.getName()));
    }

    private List<String> queuesOf(String agent) {
        AgentProfile profile;
        try {
            profile = routing.agent(agent);
        } catch (NotFoundException notAnAgent) {
            return List.of();
        }
        return routing.queues().stream().filter(q -> q.servedBy(profile)).map(QueueSettings::name).sorted().toList();
    }
}
