package dev.hotline.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue #18 finding 3: wrong passwords slow down, then lock, a login name (real or not, alike); an admin lifts the lock;
 * the lock is in the audit table. Short delays here so the test is quick; the defaults are in application.properties.
 */
@SpringBootTest(properties = {"hotline.security.login.free-failures=2", "hotline.security.login.first-delay=300ms",
        "hotline.security.login.max-delay=600ms", "hotline.security.login.lock-after=5",
        "hotline.security.login.lock-for=1h", "hotline.security.login.lock-address-after=1000"})
@AutoConfigureMockMvc
class LoginThrottleIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void forgetThisAddress() {
        jdbc.update("delete from login_throttle where subject like 'address:%'");
    }

    private MvcResult attempt(String name, String password) throws Exception {
        return mvc.perform(get("/api/users/me").with(httpBasic(name, password))).andReturn();
    }

    /** Waits out the delay the last failure set (the answer says how long). */
    private MvcResult attemptWhenAllowed(String name, String password) throws Exception {
        var result = new MvcResult[1];
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
            result[0] = attempt(name, password);
            return result[0].getResponse().getStatus() != 429;
        });
        return result[0];
    }

    @Test
    void wrongPasswordsDelayThenLockAndTheRightOneWaitsTooUntilAnAdminUnlocks() throws Exception {
        String name = "throttled-" + run;
        jdbc.update("INSERT INTO app_user (username, password_hash, role, display_name, enabled, created_at) "
                + "VALUES (?, ?, 'AGENT', ?, TRUE, CURRENT_TIMESTAMP(6))", name, encoder.encode("right-password"), name);

        assertThat(attempt(name, "wrong").getResponse().getStatus()).isEqualTo(401);
        assertThat(attempt(name, "wrong").getResponse().getStatus()).isEqualTo(401);
        assertThat(attempt(name, "wrong").getResponse().getStatus()).isEqualTo(401);
        // the third failure set a delay: an attempt straight after is not even checked, the right password included
        var early = attempt(name, "right-password");
        assertThat(early.getResponse().getStatus()).isEqualTo(429);
        assertThat(early.getResponse().getHeader("Retry-After")).isNotNull();
        assertThat(early.getResponse().getContentAsString()).contains("too-many-failed-logins");

        assertThat(attemptWhenAllowed(name, "wrong").getResponse().getStatus()).isEqualTo(401);
        assertThat(attemptWhenAllowed(name, "wrong").getResponse().getStatus()).isEqualTo(401); // the fifth: locked
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> attempt(name, "right-password").getResponse().getStatus() == 429);
        assertThat(jdbc.queryForObject("select count(*) from security_audit where event = 'LOGIN_LOCKED' and subject = ?",
                Integer.class, "account:" + name)).isEqualTo(1);

        mvc.perform(delete("/api/users/{name}/login-lock", name).with(user(name).roles("AGENT")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
        mvc.perform(delete("/api/users/{name}/login-lock", name).with(user("admin.unlock").roles("ADMIN")).with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNoContent());
        assertThat(attempt(name, "right-password").getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from security_audit where event = 'LOGIN_UNLOCKED' and subject = ?",
                Integer.class, "account:" + name)).isEqualTo(1);
    }

    @Test
    void aNameNobodyHasGetsTheSameAnswersAsARealOne() throws Exception {
        String real = "real-" + run;
        String ghost = "ghost-" + run;
        jdbc.update("INSERT INTO app_user (username, password_hash, role, display_name, enabled, created_at) "
                + "VALUES (?, ?, 'AGENT', ?, TRUE, CURRENT_TIMESTAMP(6))", real, encoder.encode("right-password"), real);
        for (int i = 0; i < 3; i++) {
            var a = attempt(real, "wrong");
            var b = attempt(ghost, "wrong");
            assertThat(b.getResponse().getStatus()).isEqualTo(a.getResponse().getStatus()).isEqualTo(401);
            assertThat(b.getResponse().getContentAsString()).isEqualTo(a.getResponse().getContentAsString());
        }
        var a = attempt(real, "wrong");
        var b = attempt(ghost, "wrong");
        assertThat(a.getResponse().getStatus()).isEqualTo(429);
        assertThat(b.getResponse().getStatus()).isEqualTo(429);
        assertThat(b.getResponse().getContentAsString().replaceAll("\\d+ s", "N s"))
                .isEqualTo(a.getResponse().getContentAsString().replaceAll("\\d+ s", "N s"));
    }
}
