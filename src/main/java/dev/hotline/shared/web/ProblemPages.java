package dev.hotline.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Problem documents where Spring MVC cannot write one: Tomcat's own refusals ({@link ProblemReportValve} in place of
 * Tomcat's HTML error page) and requests whose Accept header cannot even be parsed (Spring would answer those with an
 * empty body, as no representation of its problem is acceptable).
 */
@Configuration(proxyBeanMethods = false)
class ProblemPages {

    /** Runs after Spring Boot's own customizer, which installs the plain error report valve. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
                host.getPipeline().addValve(new ProblemReportValve());
            }
        });
    }

    @Bean
    UnreadableAccept unreadableAccept() {
        return new UnreadableAccept();
    }

    /** An Accept header that is not a list of media types: a 406 problem before anything else looks at it. */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static final class UnreadableAccept extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept != null) {
                try {
                    MediaType.parseMediaTypes(accept);
                } catch (InvalidMediaTypeException unreadable) {
                    response.setStatus(HttpServletResponse.SC_NOT_ACCEPTABLE);
                    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter().write("{\"type\":\"https://hotline.dev/problems/unreadable-accept\","
                            + "\"title\":\"Not Acceptable\",\"status\":406,\"detail\":\"The Accept header is not a list "
                            + "of media types\",\"code\":\"unreadable-accept\"}");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}
