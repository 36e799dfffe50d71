package dev.augment.cancel;

import java.util.concurrent.ExecutionException;

/**
 * Turns the {@link ExecutionException} of work run on another thread back into what the work threw, so a
 * caller's handlers (bad data, bad settings, cancellation) see the original exception and not its wrapper.
 */
public final class TaskFailure {

    private TaskFailure() {
    }

    /**
     * @param failure what {@code Future.get} threw
     * @param what what the work was doing, for the message of a checked cause (e.g. "generating a batch")
     * @return never returns normally; declared so callers can write {@code throw TaskFailure.rethrow(...)}
     * @throws RuntimeException the work's own unchecked exception, or an {@link IllegalStateException} wrapping a
     *     checked one
     * @throws Error the work's own error
     */
    public static RuntimeException rethrow(ExecutionException failure, String what) {
        Throwable cause = failure.getCause();
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException(what + " failed: " + cause, cause);
    }
}
