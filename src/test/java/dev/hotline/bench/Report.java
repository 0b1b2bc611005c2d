package dev.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The JSON result file, the table on stdout, the progress line and the app's heap and RSS samples. */
final class Report {

    private Report() {
    }

    static void write(Path out, Map<String, Object> result) {
        try {
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println();
        table("", result);
        System.out.println("written " + out);
    }

    private static void table(String prefix, Map<String, Object> map) {
        map.forEach((k, v) -> {
            if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) nested;
                table(prefix + k + ".", m);
            } else {
                System.out.printf("  %-34s %s%n", prefix + k, v);
            }
        });
    }

    /** Prints {@code line} every 5 s until closed. */
    static AutoCloseable progress(String scenario, Supplier<String> line) {
        long start = System.nanoTime();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("progress"));
        timer.scheduleAtFixedRate(() -> {
            try {
                System.out.printf("[%s %3ds] %s%n", scenario, (System.nanoTime() - start) / 1_000_000_000, line.get());
            } catch (RuntimeException e) {
                System.out.printf("[%s] progress: %s%n", scenario, e);
            }
        }, 5, 5, TimeUnit.SECONDS);
        return timer::shutdownNow;
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Samples the heap of every node (actuator) and the RSS of the given PIDs every 2 s; keeps the maxima. */
    static final class Sampler implements AutoCloseable {

        final AtomicLong heapMbMax = new AtomicLong(-1);
        final AtomicLong rssMbMax = new AtomicLong(-1);
        final AtomicLong heapMbLast = new AtomicLong(-1);
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("sampler"));
        private final List<Api> nodes;
        private final List<Long> pids;
        private final double cpuAtStart;
        private final Map<String, Double> childCpuAtStart;
        private final double generatorCpuAtStart = cpuSeconds(List.of(ProcessHandle.current().pid()));
        private final Map<String, Double> countersAtStart;
        private final Map<String, Double> threadCpuAtStart;

        Sampler(List<Api> nodes, List<Long> pids) {
            this.nodes = nodes;
            this.pids = pids;
            this.cpuAtStart = cpuSeconds(pids);
            this.childCpuAtStart = childCpuSeconds(pids);
            this.countersAtStart = counters();
            this.threadCpuAtStart = nodeThreadCpuSeconds(pids);
            timer.scheduleAtFixedRate(() -> {
                for (Api node : nodes) {
                    long heap = node.heapMb();
                    heapMbLast.set(heap);
                    heapMbMax.accumulateAndGet(heap, Math::max);
                }
                for (long pid : pids) {
                    rssMbMax.accumulateAndGet(rssMb(pid), Math::max);
                }
            }, 0, 2, TimeUnit.SECONDS);
        }

        /**
         * CPU time the app nodes have used since the sampler started (user + system), -1 when unknown: a steadier
         * measure of the cost per contact than latency, which on a saturated box swings from run to run.
         */
        double nodeCpuSeconds() {
            double now = cpuSeconds(pids);
            return now < 0 || cpuAtStart < 0 ? -1 : Math.round((now - cpuAtStart) * 10) / 10.0;
        }

        /**
         * CPU seconds since the start, split by process: the app nodes, the servers they started (embedded MariaDB,
         * redis-server, by command name) and this generator; -1 where unknown.
         */
        Map<String, Double> cpuSplit() {
            var out = new java.util.LinkedHashMap<String, Double>();
            out.put("node", nodeCpuSeconds());
            childCpuSeconds(pids).forEach((name, now) ->
                    out.put(name, Math.round((now - childCpuAtStart.getOrDefault(name, 0.0)) * 10) / 10.0));
            double generator = cpuSeconds(List.of(ProcessHandle.current().pid()));
            out.put("generator", Math.round((generator - generatorCpuAtStart) * 10) / 10.0);
            return out;
        }

        /** The nodes' CPU seconds since the start by thread kind (see {@link #nodeThreadCpuSeconds}). */
        Map<String, Double> nodeCpuByThreadKind() {
            var out = new java.util.TreeMap<String, Double>();
            nodeThreadCpuSeconds(pids).forEach((kind, now) ->
                    out.put(kind, Math.round((now - threadCpuAtStart.getOrDefault(kind, 0.0)) * 10) / 10.0));
            return out;
        }

        /** How much each Micrometer counter of the nodes grew since the start (summed over the nodes). */
        Map<String, Double> countersSinceStart() {
            var out = new java.util.LinkedHashMap<String, Double>();
            counters().forEach((k, v) -> out.put(k, v - countersAtStart.getOrDefault(k, 0.0)));
            return out;
        }

        private Map<String, Double> counters() {
            var out = new java.util.LinkedHashMap<String, Double>();
            for (String metric : COUNTERS) {
                double sum = 0;
                for (Api node : nodes) {
                    sum += Math.max(0, node.counter(metric));
                }
                out.put(metric, sum);
            }
            return out;
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    /** Counters the routing run reports per contact: synchronous and background database use, journal batches. */
    static final List<String> COUNTERS = List.of("hotline.db.connections?tag=for:caller",
            "hotline.db.connections?tag=for:background", "hotline.routing.journal.batches",
            "hotline.routing.journal.entries");

    /** CPU seconds of the direct children of the processes (embedded database and Redis), by command name. */
    static Map<String, Double> childCpuSeconds(List<Long> pids) {
        var out = new java.util.TreeMap<String, Double>();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> p.children().forEach(child -> {
                double cpu = cpuSeconds(List.of(child.pid()));
                String name = child.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("child-" + child.pid());
                if (cpu >= 0) {
                    out.merge(name, cpu, Double::sum);
                }
            }));
        }
        return out;
    }

    /** utime + stime of the processes from /proc (clock ticks of 1/100 s, Linux's USER_HZ), -1 when unknown. */
    static double cpuSeconds(List<Long> pids) {
        if (pids.isEmpty()) {
            return -1;
        }
        double total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }

    /**
     * CPU seconds of the nodes' threads by kind, from /proc/PID/task: "jit" (C1/C2 compiler threads), "gc" (G1 and VM
     * threads), "app" (everything else: request, STOMP, journal, push threads). Threads that ended are not counted.
     */
    static Map<String, Double> nodeThreadCpuSeconds(List<Long> pids) {
        var out = new java.util.TreeMap<String, Double>();
        for (long pid : pids) {
            try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                tasks.forEach(task -> {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        out.merge(threadKind(comm), (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0, Double::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended between listing and reading
                    }
                });
            } catch (IOException | RuntimeException e) {
                return Map.of();
            }
        }
        return out;
    }

    private static String threadKind(String comm) {
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "jit";
        }
        return comm.startsWith("G1 ") || comm.startsWith("GC Thread") || comm.equals("VM Thread") ? "gc" : "app";
    }

    /** VmRSS of a process in MB, -1 when unknown (not Linux, process gone). */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    static List<Long> pids(Args args) {
        var pids = new ArrayList<Long>();
        for (String p : args.string("pids", "").split(",")) {
            if (!p.isBlank()) {
                pids.add(Long.parseLong(p.strip()));
            }
        }
        return pids;
    }

    static String self() {
        return ManagementFactory.getRuntimeMXBean().getName();
    }
}
