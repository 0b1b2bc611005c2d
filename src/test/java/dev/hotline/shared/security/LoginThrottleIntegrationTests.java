package dev.hotline.shared.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue #18 finding 3, with the default settings (3 free failures, then 1 s doubling; locked at the 10th): wrong
 * passwords delay, then lock, a login name, real or not, alike; the lock is audited; an admin lifts it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginThrottleIntegrationTests {

    static final String TEST_ADDRESS = "203.0.113.18";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    LoginThrottle throttle;

    final String run = UUID.randomUUID().toString().substring(0, 8);

    /** MockMvc's requests all come from 127.0.0.1: its count must not build up over runs on a kept database. */
    @AfterEach
    void forgetTheTestAddresses() {
        jdbc.update("delete from login_throttle where subject in (?, ?)", LoginThrottle.address("127.0.0.1"),
                LoginThrottle.address(TEST_ADDRESS));
    }

    private void account(String name) {
        jdbc.update("INSERT INTO app_user (username, password_hash, role, display_name, enabled, created_at) "
                + "VALUES (?, ?, 'AGENT', ?, TRUE, CURRENT_TIMESTAMP(6))", name, encoder.encode("right-password"), name);
    }

    private MvcResult attempt(String name, String password) throws Exception {
        return mvc.perform(get("/api/users/me").with(httpBasic(name, password))).andReturn();
    }

    @Test
    void wrongPasswordsPastTheFreeOnesDelayTheNextAttemptTheRightPasswordIncluded() throws Exception {
        String name = "delayed-" + run;
        account(name);
        for (int i = 0; i < 4; i++) {
            assertThat(attempt(name, "wrong").getResponse().getStatus()).isEqualTo(401);
        }
        var early = attempt(name, "right-password");
        assertThat(early.getResponse().getStatus()).isEqualTo(429);
        assertThat(early.getResponse().getHeader("Retry-After")).isEqualTo("1");
        assertThat(early.getResponse().getContentAsString()).contains("too-many-failed-logins");
    }

    @Test
    void theTenthFailureLocksTheNameWhichIsAuditedUntilAnAdminUnlocksIt() throws Exception {
        String name = "locked-" + run;
        account(name);
        for (int i = 0; i < 10; i++) {
            throttle.failed(name, TEST_ADDRESS);
        }
        Long lockedUntil = jdbc.queryForObject("select locked_until from login_throttle where subject = ?", Long.class,
                LoginThrottle.account(name));
        assertThat(lockedUntil).isGreaterThan(System.currentTimeMillis() + 14 * 60_000L);
        assertThat(attempt(name, "right-password").getResponse().getStatus()).isEqualTo(429);
        assertThat(jdbc.queryForObject("select detail from security_audit where event = 'LOGIN_LOCKED' and subject = ?",
                String.class, LoginThrottle.account(name))).startsWith("10 failed logins");

        mvc.perform(delete("/api/users/{name}/login-lock", name).with(user(name).roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/users/{name}/login-lock", name).with(user("admin.unlock").roles("ADMIN")).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(attempt(name, "right-password").getResponse().getStatus()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select actor from security_audit where event = 'LOGIN_UNLOCKED' and subject = ?",
                String.class, LoginThrottle.account(name))).isEqualTo("admin.unlock");
    }

    @Test
    void aNameNobodyHasGetsTheSameAnswersAsARealOne() throws Exception {
        String real = "real-" + run;
        String ghost = "ghost-" + run;
        account(real);
        for (int i = 0; i < 4; i++) {
            var a = attempt(real, "wrong");
            var b = attempt(ghost, "wrong");
            assertThat(b.getResponse().getStatus()).isEqualTo(a.getResponse().getStatus()).isEqualTo(401);
            assertThat(b.getResponse().getContentAsString()).isEqualTo(a.getResponse().getContentAsString());
        }
        var a = attempt(real, "wrong");
        var b = attempt(ghost, "wrong");
        assertThat(a.getResponse().getStatus()).isEqualTo(429);
        assertThat(b.getResponse().getStatus()).isEqualTo(429);
        assertThat(b.getResponse().getContentAsString()).isEqualTo(a.getResponse().getContentAsString());
    }
}
