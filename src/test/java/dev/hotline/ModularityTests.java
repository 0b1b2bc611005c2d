package dev.hotline;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries of docs/architecture.md hold, and the module documentation is written to target/. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(HotlineApplication.class);

    @Test
    void modulesRespectTheirDeclaredDependencies() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
