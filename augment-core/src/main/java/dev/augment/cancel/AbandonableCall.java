package dev.augment.cancel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs work that cannot look at a {@link CancellationToken} itself (a library call such as Tribuo's
 * {@code XGBoostClassificationTrainer.train}, which fits natively for seconds to minutes) so that the caller still
 * stops soon after a cancel: the work runs on a daemon thread, and the caller polls the token every
 * {@value #POLL_MILLIS} ms. On a cancel the caller throws {@link CancelledException} at once and the work is
 * abandoned: it runs on until it ends or the JVM exits (after SIGINT/SIGTERM, the JVM exits as soon as the command
 * has removed its partial output), and its result is dropped. The work's own exceptions reach the caller unchanged
 * (checked ones wrapped in a {@link RuntimeException}), unless the token was cancelled by then: a failure after a
 * cancel is reported as the cancel.
 */
public final class AbandonableCall {

    /** How often the caller looks at the token, in milliseconds. */
    public static final long POLL_MILLIS = 100;

    private AbandonableCall() {
    }

    /**
     * @param what the work, for the message ("training forest on arm SMOTE")
     * @param cancellation the token to watch
     * @param work the work; it must not need to be stopped for correctness (it may run on after a cancel)
     * @param <T> its result type
     * @return the work's result
     * @throws CancelledException when the token is cancelled before the work ends (also when it already was)
     */
    public static <T> T call(String what, CancellationToken cancellation, Callable<T> work) {
        cancellation.throwIfCancelled(what);
        return await(start(what, work), what, cancellation);
    }

    /**
     * Runs several pieces of work at the same time, each on its own daemon thread, and waits for all of them, as
     * {@link #call} waits for one: on a cancel the caller throws at once and every piece still running is abandoned.
     * Used where the pieces are independent and each alone leaves a core idle (Tribuo's logistic regression fits on
     * one thread while an XGBoost forest of another classifier family fits beside it).
     *
     * @param what what each piece does, for the messages, one per piece
     * @param cancellation the token to watch
     * @param work the pieces, none of which may depend on another's result or order
     * @param <T> their result type
     * @return the results, in the order of {@code work}
     * @throws CancelledException when the token is cancelled before every piece has ended
     * @throws RuntimeException the first failed piece's exception (in the order of {@code work}), as {@link #call}
     *     reports it, once every other piece has ended too (so that a caller that retries, e.g. after an {@link
     *     OutOfMemoryError}, finds no piece still holding memory)
     * @throws Error the first failed piece's error, likewise
     * @throws IllegalArgumentException when {@code what} and {@code work} differ in length
     */
    public static <T> List<T> callAll(List<String> what, CancellationToken cancellation, List<Callable<T>> work) {
        if (what.size() != work.size()) {
            throw new IllegalArgumentException(what.size() + " descriptions for " + work.size() + " pieces of work");
        }
        for (String piece : what) {
            cancellation.throwIfCancelled(piece);
        }
        List<CompletableFuture<T>> futures = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            futures.add(start(what.get(i), work.get(i)));
        }
        List<T> results = new ArrayList<>();
        Throwable failure = null;
        for (int i = 0; i < work.size(); i++) {
            try {
                results.add(await(futures.get(i), what.get(i), cancellation));
            } catch (CancelledException e) {
                throw e;
            } catch (RuntimeException | Error e) {
                failure = failure == null ? e : failure;
                results.add(null);
            }
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
        return results;
    }

    private static <T> CompletableFuture<T> start(String what, Callable<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                future.complete(work.call());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "augment-abandonable-" + what);
        worker.setDaemon(true);
        worker.start();
        return future;
    }

    private static <T> T await(CompletableFuture<T> future, String what, CancellationToken cancellation) {
        while (true) {
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                cancellation.throwIfCancelled(what);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException("interrupted while " + what);
            } catch (ExecutionException e) {
                // a failure once the token is cancelled is most likely the shutdown's doing (streams closed under
                // the work), not the work's: report the cancel, not a bad file
                cancellation.throwIfCancelled(what);
                throw TaskFailure.rethrow(e, what);
            }
        }
    }
}
