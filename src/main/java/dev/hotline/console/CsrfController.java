package dev.hotline.console;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console page's CSRF token (masked), for the X-XSRF-TOKEN header of STOMP CONNECT and of REST writes. */
@RestController
class CsrfController {

    record Csrf(String headerName, String token) {
    }

    @GetMapping("/api/csrf")
    Csrf csrf(CsrfToken token) {
        return new Csrf(token.getHeaderName(), token.getToken());
    }
}
