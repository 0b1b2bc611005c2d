package dev.hotline.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param password password of the {@code admin} account created on first start (env {@code HOTLINE_ADMIN_PASSWORD});
 *                 when empty a random one is generated and printed once in the log
 */
@ConfigurationProperties("hotline.admin")
public record AdminProperties(String password) {
}
