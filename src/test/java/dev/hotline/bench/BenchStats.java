package dev.hotline.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Latency samples kept whole (a run has at most a few hundred thousand) and read as nearest-rank percentiles. */
final class BenchStats {

    private final ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();

    void add(long millis) {
        samples.add(millis);
    }

    int count() {
        return samples.size();
    }

    long[] sorted() {
        long[] values = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }

    /** Nearest rank: the smallest value with at least p% of the samples at or below it; 0 without samples. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    Map<String, Long> summary(String... names) {
        long[] s = sorted();
        var out = new LinkedHashMap<String, Long>();
        for (String name : names) {
            out.put(name, name.equals("max") ? (s.length == 0 ? 0 : s[s.length - 1])
                    : percentile(s, Double.parseDouble(name.substring(1))));
        }
        return out;
    }
}
