package dev.augment.cancel;

/**
 * Thrown by work that stopped because its {@link CancellationToken} was cancelled (for example by
 * Ctrl-C). Whatever the work had written is removed or left at its last complete state.
 */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was stopped, and what is left on disk */
    public CancelledException(String message) {
        super(message);
    }
}
