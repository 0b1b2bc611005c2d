package dev.hotline.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Browser-facing security settings and the login throttle ({@code hotline.security.*}).
 *
 * @param contentSecurityPolicy the Content-Security-Policy header of every response
 * @param referrerPolicy        the Referrer-Policy header of every response
 * @param login                 how repeated wrong passwords slow down and lock a login
 */
@ConfigurationProperties("hotline.security")
public record WebSecurityProperties(String contentSecurityPolicy, String referrerPolicy, LoginThrottle login) {

    /**
     * Wrong passwords per account and per client address within {@code window}: the first {@code freeFailures} cost
     * nothing, each further one delays the answer by {@code firstDelay}, doubled per failure up to {@code maxDelay};
     * after {@code lockAfter} the account (or address) is locked for {@code lockFor}, the right password included, until
     * the lock runs out or an admin lifts it.
     */
    public record LoginThrottle(int freeFailures, Duration firstDelay, Duration maxDelay, int lockAfter,
                                Duration lockFor, Duration window, int lockAddressAfter) {
    }
}
