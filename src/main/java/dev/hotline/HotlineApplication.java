package dev.hotline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Hotline: after-sales contact center. Modules are the sub-packages; see docs/architecture.md. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@ConfigurationPropertiesScan
@EnableScheduling
public class HotlineApplication {

    public static void main(String[] args) {
        SpringApplication.run(HotlineApplication.class, args);
    }
}
