package dev.augment.cancel;

import java.util.concurrent.locks.ReentrantLock;

/**
 * A flag that one thread sets (typically a shutdown hook on SIGINT/SIGTERM) and the worker checks
 * between units of work. Thread-safe.
 *
 * <p>{@link #runUnlessCancelled} runs a short critical step (a rename into place, a checkpoint
 * replacement) under a lock that {@link #cancel()} also takes: a cancel that arrives during the step
 * waits for it to finish, and a step that starts after a cancel is refused. So a step is either done
 * completely before the cancel, or not at all.
 */
public final class CancellationToken {

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean cancelled;

    /** A token nobody has cancelled yet. */
    public CancellationToken() {
    }

    /** Marks the token cancelled, after any critical step in progress has finished. Idempotent. */
    public void cancel() {
        lock.lock();
        try {
            cancelled = true;
        } finally {
            lock.unlock();
        }
    }

    /** @return true once {@link #cancel()} was called */
    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * @param what the work being done, for the message ("generating samples")
     * @throws CancelledException when the token is cancelled
     */
    public void throwIfCancelled(String what) {
        if (cancelled) {
            throw new CancelledException("interrupted while " + what);
        }
    }

    /** A critical step that may throw an {@link java.io.IOException}. */
    @FunctionalInterface
    public interface CriticalStep {
        /** @throws java.io.IOException when the step fails */
        void run() throws java.io.IOException;
    }

    /**
     * Runs {@code step} unless the token is cancelled; a concurrent {@link #cancel()} waits for it.
     *
     * @param what the step, for the message ("moving the output into place")
     * @param step the step
     * @throws CancelledException when the token was cancelled before the step started
     * @throws java.io.IOException when the step fails
     */
    public void runUnlessCancelled(String what, CriticalStep step) throws java.io.IOException {
        lock.lock();
        try {
            if (cancelled) {
                throw new CancelledException("interrupted before " + what);
            }
            step.run();
        } finally {
            lock.unlock();
        }
    }
}
