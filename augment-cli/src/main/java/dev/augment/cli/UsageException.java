package dev.augment.cli;

/**
 * A request that cannot be carried out as asked: an unknown class, a non-positive count, an output
 * that exists already. The message names the option, the value and the fix.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the request and how to fix it */
    public UsageException(String message) {
        super(message);
    }
}
