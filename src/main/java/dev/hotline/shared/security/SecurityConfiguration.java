package dev.hotline.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every endpoint needs a logged-in user, except health and the telephony entry points (Twilio webhooks are
 * authenticated by their signature in the telephony adapter). Browsers use a session (form login) with CSRF
 * protection; API clients and scripts use HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Telephony webhooks: several per call, so they skip the browser machinery (session, CSRF, login pages) entirely;
     * the adapter checks each request's signature itself.
     */
    @Bean
    @Order(1)
    SecurityFilterChain webhookFilterChain(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/twilio/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .anonymous(anonymous -> anonymous.disable());
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemAuthenticationHandlers problems,
                                            WebSecurityProperties properties) throws Exception {
        // Scripts with HTTP Basic and no session skip CSRF. A request with a session cookie is a browser's and still needs
        // the token, Basic or not (Swagger UI's Authorize adds Basic to the page's session; its CSRF support sends the
        // token). A browser that cached Basic credentials after the /api challenge would attach them to a cross-site
        // request too, so one that says it comes from another site (Sec-Fetch-Site) needs the token as well.
        RequestMatcher basicAuthenticated = request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null
                && request.getRequestedSessionId() == null
                && fromThisSiteOrNoBrowser(request.getHeader("Sec-Fetch-Site"));
        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/login", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/actuator/**").hasAnyRole("ADMIN", "SUPERVISOR")
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf
                        .spa()
                        .ignoringRequestMatchers(basicAuthenticated))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .get(properties.referrerPolicy()))))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                // the page itself is the console module's, in both languages (dev.hotline.console.LoginPage)
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.permitAll())
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(problems, request -> request.getRequestURI().startsWith("/api/"))
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** Browsers send {@code Sec-Fetch-Site}; scripts (curl, HTTP clients) do not. */
    private static boolean fromThisSiteOrNoBrowser(String secFetchSite) {
        return secFetchSite == null || "same-origin".equals(secFetchSite) || "none".equals(secFetchSite);
    }
}
