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
    /**
     * Interrupted by SIGINT (Ctrl-C): 128 + 2, set by the JVM on the signal. Partial output is removed and
     * a training checkpoint keeps its last completed step.
     */
    public static final int INTERRUPTED = 130;
    /** Terminated by SIGTERM: 128 + 15, set by the JVM on the signal; cleaned up like {@link #INTERRUPTED}. */
    public static final int TERMINATED = 143;

    private ExitCodes() {
    }
}
