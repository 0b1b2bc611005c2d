package dev.hotline.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario "lookup": a generated archive loaded through the CSV import (the path operators use to migrate an archive;
 * files of 50 000 rows, some 4 MB, so the progress shows), then screen-pop lookups by phone number written the ways
 * callers' numbers arrive.
 */
final class LookupBench {

    static final String HEADER = "name,contact_person,phones,address,email,tier,notes,model,serial_number,ship_date,"
            + "purchase_date,sales_channel,quantity\n";

    private final Args args;
    private final HttpClient http;

    LookupBench(Args args, HttpClient http) {
        this.args = args;
        this.http = http;
    }

    /** Customer i has the landline 0795-7iiiiii and the mobile 139 RR iiiiii (R = run, so reruns do not collide). */
    static String landline(int i) {
        return String.format("0795-7%06d", i);
    }

    static String mobile(int run, int i) {
        return String.format("139%02d%06d", run, i);
    }

    /** The same numbers as callers and agents type them. */
    static String written(int run, int i, int form) {
        String m = mobile(run, i);
        return switch (form % 4) {
            case 0 -> landline(i);
            case 1 -> String.format("+86 795 7%03d %03d", i / 1000, i % 1000);
            case 2 -> m;
            default -> "+86 " + m.substring(0, 3) + " " + m.substring(3, 7) + " " + m.substring(7);
        };
    }

    static String csvChunk(int run, int from, int to) {
        var csv = new StringBuilder(HEADER);
        for (int i = from; i < to; i++) {
            String tier = i % 50 == 0 ? "KEY" : i % 7 == 0 ? "LONG_TERM" : "REGULAR";
            csv.append("Bench Customer ").append(i).append(",Contact ").append(i).append(',')
                    .append(landline(i)).append(';').append(mobile(run, i)).append(",Yichun Jiangxi,,")
                    .append(tier).append(",,");
            if (i % 4 == 0) { // a quarter with a product, so screen pops also carry warranty status
                csv.append("HX-200,BN").append(run).append('-').append(i).append(",2025-06-01,2025-06-10,DIRECT,1");
            } else {
                csv.append(",,,,,");
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** One look-up of customer i by a number written in the given form; false when it did not find that customer. */
    private static boolean lookUp(Api admin, int run, int i, int form) {
        var reply = admin.get("/api/customers/lookup?phone=" + URLEncoder.encode(written(run, i, form),
                StandardCharsets.UTF_8));
        return reply.ok() && reply.body().contains("Bench Customer " + i + "\"");
    }

    /**
     * Look-ups at a steady rate, as arrivals bring them (50 calls/s: each call's caller identified once), every one a
     * number not looked up before. Each is timed from when it was due, not from when a thread was free to send it, so
     * a stall shows in the latency instead of slowing the rate (no coordinated omission).
     */
    private static Map<String, Object> paced(Api admin, int run, int customers, int count, int rate) throws Exception {
        var latency = new BenchStats();
        var misses = new AtomicInteger();
        var pool = Executors.newCachedThreadPool(Report.daemon("lookup-paced"));
        var futures = new java.util.ArrayList<CompletableFuture<Void>>(count);
        int[] order = ThreadLocalRandom.current().ints(0, customers).distinct().limit(count).toArray();
        long start = System.nanoTime(), every = TimeUnit.SECONDS.toNanos(1) / rate;
        try (var progress = Report.progress("lookup", () -> String.format("paced %d/s: %d/%d p99=%dms", rate,
                latency.count(), count, BenchStats.percentile(latency.sorted(), 99)))) {
            for (int k = 0; k < order.length; k++) {
                long due = start + k * every;
                java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                int i = order[k];
                futures.add(CompletableFuture.runAsync(() -> {
                    if (!lookUp(admin, run, i, i % 4)) {
                        misses.incrementAndGet();
                    }
                    latency.add((System.nanoTime() - due) / 1_000_000);
                }, pool));
            }
            futures.forEach(CompletableFuture::join);
        } finally {
            pool.shutdownNow();
        }
        var out = new LinkedHashMap<String, Object>();
        out.put("pacedLookups", count);
        out.put("pacedLookupsPerSec", rate);
        out.put("pacedLookupMs", latency.summary("p50", "p95", "p99", "max"));
        out.put("pacedLookupMisses", misses.get());
        return out;
    }

    Map<String, Object> run() throws Exception {
        int customers = Math.min(args.integer("customers", 1_000_000, 2_000), 1_000_000);
        int lookups = args.integer("lookups", 100_000, 500);
        int chunk = args.integer("chunk", 50_000, 1_000);
        int threads = args.integer("threads", 4, 2);
        List<URI> nodes = args.urls();
        Api admin = Api.session(nodes.get(0), "admin", args.string("admin-password", "bench-admin-1"));
        int run = ThreadLocalRandom.current().nextInt(100);

        long loadStart = System.nanoTime();
        int rejected = 0;
        try (var progress = Report.progress("lookup", () -> "loading")) {
            for (int from = 0; from < customers; from += chunk) {
                int to = Math.min(customers, from + chunk);
                var reply = admin.postRaw("/api/customers/import", "text/csv",
                        csvChunk(run, from, to).getBytes(StandardCharsets.UTF_8));
                if (!reply.ok()) {
                    throw new IllegalStateException("import " + from + ": " + reply.status() + " " + reply.body());
                }
                rejected += reply.json().path("rowsRejected").asInt();
                double s = (System.nanoTime() - loadStart) / 1e9;
                System.out.printf("[lookup] loaded %d/%d customers, %.0f/s%n", to, customers, to / s);
            }
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        var paced = paced(admin, run, customers, args.integer("paced-lookups", 3_000, 500),
                args.integer("lookup-rate", 50, 50));

        var latency = new BenchStats();
        var misses = new AtomicInteger();
        var done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Report.daemon("lookup"));
        long lookupStart = System.nanoTime();
        try (var sampler = new Report.Sampler(List.of(admin), Report.pids(args));
             var progress = Report.progress("lookup", () -> String.format("lookups=%d/%d p99=%dms misses=%d",
                     done.get(), lookups, BenchStats.percentile(latency.sorted(), 99), misses.get()))) {
            var futures = new java.util.ArrayList<CompletableFuture<Void>>();
            for (int t = 0; t < threads; t++) {
                int share = lookups / threads + (t < lookups % threads ? 1 : 0);
                futures.add(CompletableFuture.runAsync(() -> {
                    var random = ThreadLocalRandom.current();
                    for (int k = 0; k < share && System.nanoTime() - lookupStart < TimeUnit.MINUTES.toNanos(30); k++) {
                        long t0 = System.nanoTime();
                        if (!lookUp(admin, run, random.nextInt(customers), random.nextInt(4))) {
                            misses.incrementAndGet();
                        }
                        latency.add((System.nanoTime() - t0) / 1_000_000);
                        done.incrementAndGet();
                    }
                }, pool));
            }
            futures.forEach(CompletableFuture::join);
            pool.shutdownNow();
            var out = new LinkedHashMap<String, Object>();
            out.put("scenario", "lookup");
            out.put("customers", customers);
            out.put("rejectedRows", rejected);
            out.put("loadSeconds", Math.round(loadSeconds * 10) / 10.0);
            out.putAll(paced);
            out.put("lookups", done.get());
            out.put("lookupMisses", misses.get() + (int) paced.get("pacedLookupMisses"));
            out.put("lookupMs", latency.summary("p50", "p99", "max"));
            out.put("lookupsPerSec", Math.round(done.get() / ((System.nanoTime() - lookupStart) / 1e9)));
            out.put("heapMbMax", sampler.heapMbMax.get());
            return out;
        }
    }
}
