package dev.hotline.bench;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Load generator entry point, run by scripts/bench against nodes it started:
 * {@code Bench routing|steps|consoles|lookup [--quick] [--out FILE] [--urls http://127.0.0.1:PORT,...] ...}.
 * Exit 0 = done and (with --quick) every correctness count right; 3 = a correctness count is wrong.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(8, Report.daemon("bench-http")))
                .version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Object> result = switch (args.scenario()) {
            case "routing" -> new RoutingBench(args, http).run();
            case "steps" -> new RateSteps(args, http).run();
            case "consoles" -> new ConsolesBench(args, http).run();
            case "lookup" -> new LookupBench(args, http).run();
            default -> throw new IllegalArgumentException("unknown scenario " + args.scenario());
        };
        result.put("quick", args.flag("quick"));
        result.put("date", java.time.OffsetDateTime.now().withNano(0).toString());
        Report.write(Path.of(args.string("out", "target/bench/" + args.scenario() + ".json")), result);
        var wrong = Correctness.wrong(result);
        if (!wrong.isEmpty()) {
            System.out.println("CORRECTNESS: " + String.join(", ", wrong));
        }
        System.exit(wrong.isEmpty() || !args.flag("quick") ? 0 : 3);
    }
}
