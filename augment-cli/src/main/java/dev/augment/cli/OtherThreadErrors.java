package dev.augment.cli;

import java.io.PrintStream;

/**
 * The JVM's default handler for an error no thread caught, as {@link AugmentMain} installs it: it prints what the
 * JVM's own default prints ({@code Exception in thread "name" } and the stack trace), except for an
 * {@link OutOfMemoryError}, which it leaves to the command's own one-line report of the heap. A library's background
 * thread ("Logging-Cleaner") that ran out of heap beside the command printed the JVM's trace after augment's line
 * about the heap (CI, 7 Dec).
 */
final class OtherThreadErrors implements Thread.UncaughtExceptionHandler {

    private final PrintStream err;

    /** @param err where other errors are printed: standard error */
    OtherThreadErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return;
        }
        err.print("Exception in thread \"" + thread.getName() + "\" ");
        e.printStackTrace(err);
    }
}
