package dev.hotline.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Supplier;

/**
 * Work that must follow a commit on the same thread, but only once the transaction has released its database
 * connection. Spring's after-commit callbacks still hold it, so a callback that writes in a new transaction needs a
 * second connection; with as many concurrent requests as pooled connections, every thread would wait for one forever.
 */
public final class AfterTransaction {

    private static final ThreadLocal<Deque<Runnable>> DEFERRED = new ThreadLocal<>();

    private AfterTransaction() {
    }

    /**
     * Runs {@code body} in {@code tx}. When this is the outermost transaction on the thread, work {@linkplain #defer
     * deferred} inside it runs after the commit, once the connection is back in the pool; nothing runs on rollback.
     */
    public static <T> T run(TransactionTemplate tx, Supplier<T> body) {
        if (DEFERRED.get() != null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return tx.execute(status -> body.get());
        }
        var deferred = new ArrayDeque<Runnable>();
        DEFERRED.set(deferred);
        try {
            T result = tx.execute(status -> body.get());
            for (Runnable work = deferred.poll(); work != null; work = deferred.poll()) {
                work.run();
            }
            return result;
        } finally {
            DEFERRED.remove();
        }
    }

    /**
     * Queues work for after the outermost {@link #run}, if the current transaction commits; false when there is no
     * such run or no transaction synchronization (then use an after-commit callback).
     */
    public static boolean defer(Runnable work) {
        Deque<Runnable> deferred = DEFERRED.get();
        if (deferred == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deferred.add(work);
            }
        });
        return true;
    }
}
