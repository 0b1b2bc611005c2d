package dev.hotline.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The login form in the console's two languages (Spring Security's generated page is English only). Rendered here
 * because it needs the session's CSRF token in the form, and static pages are only served after login.
 */
@Hidden
@RestController
class LoginPage {

    private final String page;

    LoginPage() {
        try {
            page = new ClassPathResource("dev/hotline/console/login.html").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String login(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return page.replace("__CSRF_PARAM__", token == null ? "_csrf" : HtmlUtils.htmlEscape(token.getParameterName()))
                .replace("__CSRF_TOKEN__", token == null ? "" : HtmlUtils.htmlEscape(token.getToken()));
    }
}
