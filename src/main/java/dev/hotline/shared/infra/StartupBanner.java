package dev.hotline.shared.infra;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator where to go once the server listens. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void onStarted(WebServerInitializedEvent event) {
        String base = "http://localhost:" + event.getWebServer().getPort();
        log.info("""

                Hotline is up.
                  API docs  {}/swagger-ui.html  (OpenAPI: {}/v3/api-docs)
                  Health    {}/actuator/health
                  Agent console  {}/console/agent.html
                  Wallboard      {}/console/wallboard.html  (supervisors)""", base, base, base, base, base);
    }
}
