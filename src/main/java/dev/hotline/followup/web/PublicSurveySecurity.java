package dev.hotline.followup.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The public survey page and its two endpoints, reachable without login and nothing else: this chain matches only
 * these paths; every other path stays behind the application's login. No session, no CSRF token (there is no
 * session to ride on; the signed single-use link in the body is the credential).
 */
@Configuration(proxyBeanMethods = false)
class PublicSurveySecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicSurveyFilterChain(HttpSecurity http) throws Exception {
        http
                .securityMatcher("/public/survey", "/survey.html")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
