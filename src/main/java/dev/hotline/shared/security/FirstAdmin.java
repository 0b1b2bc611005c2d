package dev.hotline.shared.security;

import dev.hotline.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.util.Base64;

/** Creates the {@code admin} account on the first start, so a fresh install can be configured through the API. */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;

    FirstAdmin(UserAccountRepository users, PasswordEncoder encoder, AdminProperties properties) {
        this.users = users;
        this.encoder = encoder;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (users.existsByRole(Role.ADMIN) || users.findByUsername("admin").isPresent()) {
            return;
        }
        boolean generated = properties.password() == null || properties.password().isBlank();
        String password = generated ? randomPassword() : properties.password();
        users.save(new UserAccount("admin", encoder.encode(password), Role.ADMIN, "Administrator"));
        if (generated) {
            log.warn("""

                    ================================================================
                     First start: created user 'admin' with password  {}
                     It is shown only this once. Change it with PUT /api/users/admin/password,
                     or set HOTLINE_ADMIN_PASSWORD before the first start.
                    ================================================================""", password);
        } else {
            log.info("First start: created user 'admin' with the password from hotline.admin.password");
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[15];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
