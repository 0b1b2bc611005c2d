package dev.hotline.shared.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;

/**
 * What the servlet container forwards to {@code /error} (a firewall refusal, a status set by {@code sendError}, a
 * method nobody handles) answered as an RFC 9457 problem like every other client error, written whatever the request's
 * Accept says, instead of Spring Boot's {@code {timestamp,status,error,path}}. Opened directly it is a 404, not a 500.
 */
@Hidden
@Controller
class ProblemErrorController implements ErrorController {

    private final JsonMapper json;

    ProblemErrorController(JsonMapper json) {
        this.json = json;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        var status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || !status.isError()) {
            status = HttpStatus.NOT_FOUND;
        }
        var problem = ProblemHandling.problem(status, status.is5xxServerError() ? "internal"
                        : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                status.is5xxServerError() ? "Something went wrong on our side; it has been logged"
                        : status.getReasonPhrase());
        var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && isUri(path)) {
            problem.setInstance(URI.create(path));
        }
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getWriter(), problem);
    }

    private static boolean isUri(String path) {
        try {
            URI.create(path);
            return true;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }
}
