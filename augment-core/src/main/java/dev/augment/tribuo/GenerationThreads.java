package dev.augment.tribuo;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daemon threads that make synthetic examples ahead of the thread consuming them, one per processor,
 * shared by every {@link SyntheticExamples} iterator of the JVM. Daemon threads never keep the JVM alive.
 */
final class GenerationThreads {

    /** Batches each iterator keeps in flight: one per processor, so every core can work. */
    static final int AHEAD = Math.max(1, Runtime.getRuntime().availableProcessors());

    private static final ExecutorService POOL = Executors.newFixedThreadPool(AHEAD, daemonThreads());

    private GenerationThreads() {
    }

    /** @return the shared pool */
    static ExecutorService pool() {
        return POOL;
    }

    /**
     * Waits for a task and rethrows its failure as it was thrown, when unchecked.
     *
     * @param future a submitted task
     * @param <T> its result
     * @return its result
     */
    static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for synthetic examples", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("generating synthetic examples failed: " + e.getCause(), e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger next = new AtomicInteger(1);
        return task -> {
            Thread thread = new Thread(task, "augment-synthetic-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
