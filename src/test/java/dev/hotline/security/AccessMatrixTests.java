package dev.hotline.security;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Security suite (a): every operation of the generated OpenAPI document, called as anonymous, AGENT, SUPERVISOR, ADMIN
 * and MANAGER, must let in exactly the identities its row in {@code access-matrix.txt} says. An operation without a
 * row fails the build (the failure prints the row as observed, to be checked and added). "Let in" means the role rule
 * passed: the answer is anything but 401 (anonymous) or a 403 {@code forbidden} problem (roles); the role rule is
 * checked before the body is read, so the placeholder ids and empty bodies used here do not hide it.
 */
@SecuritySuiteContext
class AccessMatrixTests {

    static final List<String> IDENTITIES = List.of("anonymous", "AGENT", "SUPERVISOR", "ADMIN", "MANAGER");

    @Autowired
    MockMvc mvc;

    @Test
    void everyOperationLetsInExactlyTheDeclaredIdentities() throws Exception {
        var api = ApiOperations.parse(mvc.perform(get("/v3/api-docs").with(user("matrix.admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString());
        Map<String, String> declared = declared();
        var observed = new TreeMap<String, String>();
        for (var op : api.all()) {
            var row = new ArrayList<String>();
            for (String identity : IDENTITIES) {
                row.add(letsIn(op, identity) ? "yes" : "no");
            }
            observed.put(op.key(), String.join(" ", row));
        }
        var missing = new ArrayList<String>();
        var differing = new ArrayList<String>();
        observed.forEach((op, row) -> {
            if (!declared.containsKey(op)) {
                missing.add(op + "  " + row);
            } else if (!declared.get(op).equals(row)) {
                differing.add(op + ": declared " + declared.get(op) + ", observed " + row);
            }
        });
        var stale = declared.keySet().stream().filter(op -> !observed.containsKey(op)).toList();
        SecurityFigures.report("access-matrix", String.format("[security] access matrix: %d operations x %d identities"
                + " = %d checks; %d missing rows, %d differing, %d stale", observed.size(), IDENTITIES.size(),
                observed.size() * IDENTITIES.size(), missing.size(), differing.size(), stale.size()));
        assertThat(missing).as("operations without a row in access-matrix.txt (observed: anonymous AGENT SUPERVISOR "
                + "ADMIN MANAGER)").isEmpty();
        assertThat(differing).as("operations whose access differs from access-matrix.txt").isEmpty();
        assertThat(stale).as("rows in access-matrix.txt for operations that no longer exist").isEmpty();
        assertThat(observed).hasSizeGreaterThan(50);
    }

    private boolean letsIn(ApiOperations.Operation op, String identity) throws Exception {
        MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(op.method()),
                op.url(p -> ApiOperations.sample(p.path("schema"))));
        for (var q : op.queryParams()) {
            if (q.path("required").asBoolean(false)) {
                call.param(q.path("name").asString(), ApiOperations.sample(q.path("schema")));
            }
        }
        if (op.bodyType() != null) {
            call.contentType(op.bodyType().contains("json") ? "application/json" : op.bodyType()).content("{}");
        }
        call.with(csrf());
        if (!identity.equals("anonymous")) {
            call.with(user("matrix." + identity.toLowerCase(java.util.Locale.ROOT)).roles(identity));
        }
        MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
        int status = response.getStatus();
        if (identity.equals("anonymous")) {
            return status != 401 && !(status == 302 && String.valueOf(response.getRedirectedUrl()).contains("/login"));
        }
        return !(status == 403 && response.getContentAsString().contains("\"code\":\"forbidden\""));
    }

    /** {@code METHOD /path  anonymous AGENT SUPERVISOR ADMIN MANAGER}, each yes or no; # starts a comment. */
    static Map<String, String> declared() throws IOException {
        var rows = new LinkedHashMap<String, String>();
        try (InputStream in = AccessMatrixTests.class.getResourceAsStream("access-matrix.txt")) {
            assertThat(in).as("access-matrix.txt").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\\s+");
                assertThat(cells).as("row '" + text + "'").hasSize(2 + IDENTITIES.size());
                rows.put(cells[0] + " " + cells[1], String.join(" ", List.of(cells).subList(2, cells.length)));
            }
        }
        return rows;
    }
}
