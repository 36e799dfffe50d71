package dev.augment.cli;

/** The documented exit codes of every augment command. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A failure at run time (I/O error, training diverged, unexpected error). */
    public static final int FAILURE = 1;
    /** A usage error: bad option, unknown class, non-positive count, output exists. */
    public static final int USAGE = 2;
    /** Bad input data or a bad model file (missing, corrupt, breaks the contract). */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
