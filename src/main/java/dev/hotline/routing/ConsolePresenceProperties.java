package dev.hotline.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param grace         how long an agent may be without a console (a reload, a network blip, a node restart) before
 *                      routing stops offering it contacts
 * @param checkInterval how often every node looks for agents past their grace and renews its own consoles' presence
 */
@ConfigurationProperties("hotline.routing.console")
record ConsolePresenceProperties(Duration grace, Duration checkInterval) {
}
