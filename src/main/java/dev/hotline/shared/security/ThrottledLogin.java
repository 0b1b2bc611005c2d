package dev.hotline.shared.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Password logins (form and HTTP Basic) through the {@link LoginThrottle}: an attempt that comes too early is refused
 * before the password is looked at, a wrong password (or an unknown name, same answer and same bcrypt cost) counts.
 */
@Component
class ThrottledLogin implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledLogin(UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String name = attempt.getName() == null ? "" : attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        var standing = throttle.standing(name, address);
        if (!standing.retryAfter().isZero()) {
            throw new TooManyFailedLogins(standing.retryAfter());
        }
        try {
            Authentication done = passwords.authenticate(attempt);
            if (standing.accountHasFailures()) {
                throttle.succeeded(name);
            }
            return done;
        } catch (BadCredentialsException wrong) {
            throttle.failed(name, address);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** Too many wrong passwords lately: try again after {@code retryAfter}. */
    static final class TooManyFailedLogins extends AuthenticationException {

        private final Duration retryAfter;

        TooManyFailedLogins(Duration retryAfter) {
            super("Too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }
}
