package dev.hotline.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The application context of the security suite's HTTP tests (a running server for real HTTP, MockMvc too), shared
 * by its test classes. Its own routing keys; its notification deliveries never run, so that it takes no e-mail from
 * the notification tests that share the database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "hotline.routing.key-prefix=hotline:security-suite:", "hotline.notification.delivery-interval=1h"})
@AutoConfigureMockMvc
public @interface SecuritySuiteContext {
}
