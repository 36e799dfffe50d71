package dev.augment.cli;

import dev.augment.cancel.CancellationToken;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns SIGINT/SIGTERM into a cancelled {@link CancellationToken}. The JVM runs shutdown hooks on
 * those signals and halts when they return, killing the command wherever it is; this hook instead
 * cancels the token (which the command checks between batches and steps, and which makes commits and
 * checkpoint writes refuse) and then waits up to {@link #GRACE} for the command to finish cleaning
 * up. The JVM then exits with 128 + the signal number: 130 for SIGINT, 143 for SIGTERM.
 */
final class SignalCancellation {

    /**
     * How long the hook waits for the command to remove its partial output and print its line. With 2 s,
     * a SIGTERM during a 13.8 GB IDX write left nothing behind but printed no line (most likely the JVM
     * halted between the clean-up and the message); the wait ends as soon as the command returns.
     */
    static final Duration GRACE = Duration.ofSeconds(10);

    /** Start of the line printed when the command did not stop within the grace period. */
    static final String GAVE_UP = "augment: waited";

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);

    /** A cancellation with no shutdown hook (tests); {@link #install()} for the command. */
    SignalCancellation() {
    }

    /** @return a cancellation whose token is cancelled by the JVM's shutdown (SIGINT, SIGTERM, exit) */
    static SignalCancellation install() {
        SignalCancellation cancellation = new SignalCancellation();
        Runtime.getRuntime().addShutdownHook(new Thread(cancellation::cancelAndWait, "augment-interrupt"));
        return cancellation;
    }

    /** @return the token the command checks */
    CancellationToken token() {
        return token;
    }

    /** Tells the hook the command has returned (its partial output is removed); call before exiting. */
    void commandFinished() {
        finished.countDown();
    }

    private void cancelAndWait() {
        cancelAndWait(GRACE, System.err);
    }

    /**
     * Cancels the token and waits for the command; if it has not finished within {@code grace}, says so on
     * {@code err} (one line starting {@value #GAVE_UP}), since the JVM halts next and partial output may
     * then remain.
     *
     * @param grace how long to wait
     * @param err where the give-up line goes
     * @return true if the command finished within {@code grace}
     */
    boolean cancelAndWait(Duration grace, PrintStream err) {
        token.cancel();
        boolean done;
        try {
            done = finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done) {
            err.println(GAVE_UP + " " + grace.toSeconds() + " s for the command to stop after the signal; "
                    + "stopping anyway, so partial output may remain (hidden .<name>.tmp* files or folders beside it)");
            err.flush();
        }
        return done;
    }
}
