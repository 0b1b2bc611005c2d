package dev.hotline.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario "steps": the routing scenario at rising rates against the same started nodes ({@code --rates 50,100,200,400},
 * {@code --limit-ms 1000}), stopping after the first rate whose offer latency p99 passes the limit or whose correctness
 * counts are wrong. Reports each step's figures and the highest rate held within the limit.
 */
final class RateSteps {

    private final Args args;
    private final HttpClient http;

    RateSteps(Args args, HttpClient http) {
        this.args = args;
        this.http = http;
    }

    Map<String, Object> run() throws Exception {
        double[] rates = Arrays.stream(args.string("rates", "50,100,200,400").split(","))
                .map(String::strip).mapToDouble(Double::parseDouble).toArray();
        long limitMs = args.integer("limit-ms", 1000, 1000);
        int warmup = args.integer("warmup", 20, 0);
        var steps = new ArrayList<Map<String, Object>>();
        double held = 0;
        for (int i = 0; i < rates.length; i++) {
            var values = new HashMap<>(args.values());
            values.put("rate", Double.toString(rates[i]));
            // the nodes are warm after the first step: a short warm-up only settles the new rate
            values.put("warmup", Integer.toString(i == 0 ? warmup : Math.min(warmup, 10)));
            System.out.printf("[steps] %.0f contacts/s%n", rates[i]);
            Map<String, Object> result = new RoutingBench(new Args("routing", values), http).run();
            var step = summary(rates[i], result);
            steps.add(step);
            boolean correct = Correctness.wrong(result).isEmpty();
            boolean within = correct && ((Number) step.get("offerP99Ms")).longValue() <= limitMs;
            System.out.printf("[steps] %.0f/s: p99 %s ms, %s answered/s, node %s ms CPU per contact%s%n", rates[i],
                    step.get("offerP99Ms"), step.get("answeredPerSec"), step.get("nodeCpuMsPerContact"),
                    within ? "" : correct ? " (over the limit: stop)" : " (wrong counts: stop)");
            if (!within) {
                break;
            }
            held = rates[i];
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("scenario", "steps");
        out.put("limitMs", limitMs);
        out.put("highestRateWithinLimit", held);
        out.put("steps", steps);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> summary(double rate, Map<String, Object> r) {
        var latency = (Map<String, Object>) r.get("offerLatencyMs");
        var contacts = (Map<String, Object>) r.get("contacts");
        var step = new LinkedHashMap<String, Object>();
        step.put("rate", rate);
        step.put("nodes", r.get("nodes"));
        step.put("answeredPerSec", r.get("throughputPerSec"));
        step.put("offerP50Ms", latency.get("p50"));
        step.put("offerP99Ms", latency.get("p99"));
        for (String k : List.of("lost", "doubleOffers", "agentsWithTwoCalls")) {
            step.put(k, contacts.get(k));
        }
        step.put("nodeCpuMsPerContact", r.get("nodeCpuMsPerContact"));
        step.put("cpuSecondsByProcess", r.get("cpuSecondsByProcess"));
        step.put("nodeCpuSecondsByThreadKind", r.get("nodeCpuSecondsByThreadKind"));
        return step;
    }
}
