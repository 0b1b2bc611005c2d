package dev.hotline.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console page's CSRF token (masked), for the X-XSRF-TOKEN header of STOMP CONNECT and of REST writes. */
@Tag(name = "Consoles", description = "What the browser consoles use")
@RestController
class CsrfController {

    record Csrf(String headerName, String token) {
    }

    @Operation(summary = "The CSRF token a session-cookie client sends (X-XSRF-TOKEN)")
    @GetMapping("/api/csrf")
    Csrf csrf(CsrfToken token) {
        return new Csrf(token.getHeaderName(), token.getToken());
    }
}
