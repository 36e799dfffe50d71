package dev.augment.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress for a run whose standard error is not an interactive terminal (a log file, {@code nohup}, a CI job):
 * one plain line at most every {@link #INTERVAL_NANOS} of wall time, so a run of minutes is seen to move (a
 * 40-million-sample {@code generate} into a file was silent for 10 minutes, 3 Dec) while short runs, and so tests'
 * logs, print nothing. The line reads {@code augment: generate: 1200000 of 40000000 samples done (3%), 61000/s}.
 */
final class PeriodicProgressLine {

    /** Wall time between two lines, and before the first one: one minute. */
    static final long INTERVAL_NANOS = 60_000_000_000L;

    private final PrintWriter err;
    private final String task;
    private final long total;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastLine;
    private long done;

    /**
     * @param err where lines go
     * @param task the command's name, e.g. {@code generate}
     * @param total the samples the run makes, positive
     * @param nanoClock monotonic time in nanoseconds ({@link System#nanoTime} outside tests)
     */
    PeriodicProgressLine(PrintWriter err, String task, long total, LongSupplier nanoClock) {
        this.err = err;
        this.task = task;
        this.total = total;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastLine = started;
    }

    /** Counts n more samples done and prints a line when the interval has passed since the last one. */
    void advance(long n) {
        done += n;
        long now = nanoClock.getAsLong();
        if (now - lastLine < INTERVAL_NANOS || done >= total) {
            return;
        }
        lastLine = now;
        double seconds = (now - started) / 1e9;
        err.printf(Locale.ROOT, "augment: %s: %d of %d samples done (%d%%), %.0f/s%n", task, done, total,
                done * 100 / total, done / seconds);
        err.flush();
    }
}
