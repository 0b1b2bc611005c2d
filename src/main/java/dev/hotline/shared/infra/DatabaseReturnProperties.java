package dev.hotline.shared.infra;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param returnProbe while callers wait for a connection and the pool backs off reconnecting, how often the database is tried
 *                    directly, so the pool reconnects as soon as it is back (0 turns it off)
 */
@ConfigurationProperties("hotline.database")
public record DatabaseReturnProperties(Duration returnProbe) {

    public DatabaseReturnProperties {
        returnProbe = returnProbe == null ? Duration.ofMillis(250) : returnProbe;
    }
}
