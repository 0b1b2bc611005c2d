package dev.hotline;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs work on several threads at once, for tests of what must hold under concurrency (one ticket, one contact). */
public final class Concurrently {

    private Concurrently() {
    }

    /** The results of {@code work}, in order, run on {@code threads} threads; the first failure is rethrown. */
    public static <T> List<T> results(int threads, List<Callable<T>> work) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            return pool.invokeAll(work).stream().map(Concurrently::result).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code times} runs of the same {@code work}. */
    public static <T> List<T> results(int threads, int times, Callable<T> work) throws InterruptedException {
        return results(threads, Collections.nCopies(times, work));
    }

    private static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
