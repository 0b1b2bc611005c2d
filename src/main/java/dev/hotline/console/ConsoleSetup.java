package dev.hotline.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What the agent console offers that a company configures: the disposition codes to finish a contact with. */
@Tag(name = "Consoles")
@RestController
class ConsoleSetup {

    private final List<String> dispositionCodes;

    ConsoleSetup(ConsoleProperties properties) {
        this.dispositionCodes = properties.dispositionCodes();
    }

    record Setup(List<String> dispositionCodes) {
    }

    @Operation(summary = "The agent console's configured choices (disposition codes)")
    @GetMapping("/api/console/setup")
    @PreAuthorize("isAuthenticated()")
    Setup setup() {
        return new Setup(dispositionCodes);
    }
}
