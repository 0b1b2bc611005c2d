package dev.hotline.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI description behind {@code /swagger-ui.html}: title and version, HTTP Basic as the security scheme (the
 * page's Authorize button), and the RFC 9457 problem responses every {@code /api} operation can give, so a client
 * sees them next to the success response instead of only a 200.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocumentation.ApiDocsProperties.class)
class ApiDocumentation {

    static final String BASIC = "basicAuth";
    static final String PROBLEM = "Problem";

    @ConfigurationProperties("hotline.api-docs")
    record ApiDocsProperties(String title, String version, String description) {
    }

    @Bean
    OpenAPI hotlineOpenApi(ApiDocsProperties properties) {
        return new OpenAPI()
                .info(new Info().title(properties.title()).version(properties.version())
                        .description(properties.description()))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A Hotline user and password (the first admin's password is in the log)"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /** Adds the problem answers an operation can give where the operation does not declare them itself. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/twilio/")) {
                // Twilio signs these requests; a user's Basic credentials are no use there
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
                return;
            }
            if (!path.startsWith("/api/")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> addProblems(path, method, operation));
        });
    }

    private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean writes = method != PathItem.HttpMethod.GET;
        if (writes || operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            responses.putIfAbsent("400", problem("Invalid input: the problem names the field in `errors`"));
        }
        responses.putIfAbsent("401", problem("Not logged in"));
        responses.putIfAbsent("403", problem("Logged in, but the role may not do this (or a missing CSRF token on a session)"));
        if (path.contains("{")) {
            responses.putIfAbsent("404", problem("Unknown id"));
        }
        if (writes) {
            responses.putIfAbsent("409", problem("Not possible in the current state (duplicate, illegal step)"));
        }
        operation.setResponses(responses);
    }

    private static ApiResponse problem(String description) {
        var schema = new Schema<>().$ref("#/components/schemas/" + PROBLEM);
        return new ApiResponse().description(description)
                .content(new Content().addMediaType("application/problem+json", new MediaType().schema(schema)));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = Map.of(
                "type", new StringSchema().description("URI of the problem type"),
                "title", new StringSchema(),
                "status", new IntegerSchema(),
                "detail", new StringSchema().description("what went wrong, for a person"),
                "instance", new StringSchema(),
                "code", new StringSchema().description("stable machine-readable code, e.g. customer-not-found"),
                "errors", new ObjectSchema().description("field → message, for invalid input"));
        return new ObjectSchema().description("RFC 9457 problem details").properties(properties);
    }
}
