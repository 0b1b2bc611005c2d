package dev.hotline.bench;

import dev.hotline.HotlineApplication;
import dev.hotline.SeededMonth;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;

/**
 * How long the monthly management report takes for a month of {@code --contacts} contacts (default 1 000 000) and
 * {@code --tickets} tickets: starts one node on a fresh embedded database, seeds January 2010 set-based with
 * {@link SeededMonth}'s pattern, then generates the report {@code --runs} times through the API and writes
 * target/bench/reports.json. Run by scripts/bench-reports.
 */
public final class ReportBench {

    public static void main(String[] args) throws Exception {
        int contacts = option(args, "--contacts", 1_000_000);
        int tickets = option(args, "--tickets", 10_000);
        int runs = option(args, "--runs", 3);
        String password = "bench-admin-" + System.nanoTime();
        Path data = Files.createTempDirectory(Path.of("target"), "report-bench-");
        var app = new SpringApplicationBuilder(HotlineApplication.class).web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--hotline.admin.password=" + password, "--hotline.embedded.data-dir=" + data,
                        "--hotline.routing.recovery=false", "--logging.level.dev.hotline=WARN");
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            var jdbc = app.getBean(JdbcTemplate.class);
            Instant january = Instant.parse("2009-12-31T16:00:00Z");
            // spread over 30 days whatever the count
            int spacing = Math.max(1, (int) (30L * 86_400 / contacts));
            long seedStart = System.nanoTime();
            SeededMonth.contacts(jdbc, "bench", contacts, january, spacing, "bench-a", "bench-b", "bench-agent-a",
                    "bench-agent-b");
            SeededMonth.tickets(jdbc, "bench", tickets, january);
            long seedMillis = (System.nanoTime() - seedStart) / 1_000_000;
            System.out.printf("[reports] seeded %d contacts and %d tickets in %d ms%n", contacts, tickets, seedMillis);

            var http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
            var wall = new ArrayList<Long>();
            String last = "";
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/reports/management/2010-01")).header("Authorization", auth)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                wall.add((System.nanoTime() - start) / 1_000_000);
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("generation refused: " + response.statusCode() + " " + response.body());
                }
                last = response.body();
                System.out.printf("[reports] run %d: %d ms (%s)%n", i + 1, wall.get(i), last);
            }
            var sorted = new ArrayList<>(wall);
            Collections.sort(sorted);
            String json = """
                    {"scenario":"reports","contacts":%d,"tickets":%d,"seedMillis":%d,"runs":%s,"medianMillis":%d,\
                    "cores":%d,"lastRun":%s}
                    """.formatted(contacts, tickets, seedMillis, wall, sorted.get(sorted.size() / 2),
                    Runtime.getRuntime().availableProcessors(), last);
            Files.createDirectories(Path.of("target/bench"));
            Files.writeString(Path.of("target/bench/reports.json"), json);
            System.out.print(json);
        } finally {
            app.close();
        }
    }

    private static int option(String[] args, String name, int otherwise) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return otherwise;
    }

    private ReportBench() {
    }
}
