package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import sun.misc.Signal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Turns SIGINT, SIGTERM and SIGHUP into a cancelled {@link CancellationToken}, which the command checks between
 * batches and steps (and which makes commits and checkpoint writes refuse), so that it stops, removes its partial
 * output and says so; the JVM then exits with 128 + the signal number: 130 (SIGINT), 143 (SIGTERM), 129 (SIGHUP).
 *
 * <p>The signals are handled here (JDK's {@code sun.misc.Signal}, in the {@code jdk.unsupported} module every JDK
 * has) rather than in a shutdown hook: on those signals the JVM would otherwise start its shutdown at once, running
 * every library's hook beside the command still cleaning up, and ONNX Runtime's hook frees its native environment,
 * which crashed the JVM (SIGSEGV, exit 134) when the signal came while a session was being created. Now the shutdown
 * starts only when the command has returned. A signal the process was started with ignored (a background job's
 * SIGINT, {@code nohup}'s SIGHUP) stays ignored, as the JVM's own handling leaves it.
 *
 * <p>If the command is still deleting its partial output {@link #NOTICE} after the signal (a file of tens of GB, or
 * a folder of 100 000 PNGs, takes seconds to unlink), a line starting {@value #REMOVING} says so and the wait
 * goes on while it does, for at most {@link #MOST_CLEANUP} beyond {@link #GRACE}.
 * If the command has not returned {@link #GRACE} after the signal, one line starting {@value #GAVE_UP} says so and
 * the JVM exits anyway (the output folders' own shutdown hooks still delete what they can); a second signal, at
 * least {@link #REPEAT_AFTER} after the first, starts that exit at once (GNU {@code timeout} delivers one signal
 * twice, to the process and to its group, milliseconds apart), and a third stops the JVM without its hooks.
 */
final class SignalCancellation {

    /**
     * How long the command is given to remove its partial output and print its line after a signal. With 2 s, a
     * SIGTERM during a 13.8 GB IDX write left nothing behind but printed no line; the wait ends as soon as the
     * command returns.
     */
    static final Duration GRACE = Duration.ofSeconds(10);

    /** Start of the line printed when the command did not stop within the grace period. */
    static final String GAVE_UP = "augment: waited";

    private static final List<String> SIGNALS = List.of("INT", "TERM", "HUP");

    private final CancellationToken token = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger exitCode = new AtomicInteger();
    /**
     * When the last signal taken as a request came, 0 while the first is being handled: a second and a third need
     * {@link #REPEAT_AFTER} between them.
     */
    private volatile long lastRequest;
    private final java.util.concurrent.atomic.AtomicBoolean exitRequested =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** How the JVM is ended: {@link System#exit} (shutdown hooks run) and {@link Runtime#halt} (none run). */
    interface Exits {
        /** @param code the exit code, after the shutdown hooks */
        void exit(int code);

        /** @param code the exit code, at once */
        void halt(int code);
    }

    private static final Exits JVM = new Exits() {
        @Override
        public void exit(int code) {
            System.exit(code);
        }

        @Override
        public void halt(int code) {
            Runtime.getRuntime().halt(code);
        }
    };

    private final Exits exits;

    /** A signal this soon after the first is the same request delivered twice (GNU timeout), not a second one. */
    static final Duration REPEAT_AFTER = Duration.ofSeconds(2);

    /** Signals closer than this are one signal delivered twice (GNU timeout's), never answered with a line. */
    static final Duration SAME_DELIVERY = Duration.ofMillis(250);

    /** Start of the line answering a signal between {@link #SAME_DELIVERY} and {@link #REPEAT_AFTER} after another. */
    static final String TOO_SOON = "augment: a signal within";

    private final java.util.concurrent.atomic.AtomicBoolean toldTooSoon =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** Longest wait, after {@link #GRACE}, for a deletion of partial output that is still running. */
    static final Duration MOST_CLEANUP = Duration.ofMinutes(2);

    /**
     * Start of the line printed when, {@link #NOTICE} after the signal, the command is still deleting its partial
     * output: it was printed only when the grace ended, and 180 000 PNG files gave ten silent seconds after the first
     * Ctrl-C, which users answer with a second one (a re-check, 7 Dec).
     */
    static final String REMOVING = "augment: removing the partial output";

    /** How long after the signal a deletion still running is announced. */
    static final Duration NOTICE = Duration.ofSeconds(1);

    private final java.util.function.BooleanSupplier removing;

    /**
     * A cancellation with no signal handlers (tests; {@link #install()} for the command) that sees the deletions of
     * {@link dev.augment.io.AtomicFiles}.
     */
    SignalCancellation() {
        this(dev.augment.io.AtomicFiles::isDeleting);
    }

    /**
     * @param removing whether partial output is being deleted right now ({@link dev.augment.io.AtomicFiles#isDeleting}
     *     for the command; tests give their own)
     */
    SignalCancellation(java.util.function.BooleanSupplier removing) {
        this(removing, JVM);
    }

    /**
     * @param removing as for {@link #SignalCancellation(java.util.function.BooleanSupplier)}
     * @param exits how the JVM is ended (tests record it instead)
     */
    SignalCancellation(java.util.function.BooleanSupplier removing, Exits exits) {
        this.removing = removing;
        this.exits = exits;
    }

    /** @return a cancellation whose token SIGINT, SIGTERM and SIGHUP cancel */
    static SignalCancellation install() {
        SignalCancellation cancellation = new SignalCancellation();
        for (String name : SIGNALS) {
            try {
                Signal.handle(new Signal(name), signal -> cancellation.signalled(128 + signal.getNumber()));
            } catch (IllegalArgumentException unavailable) {
                // the platform has no such signal, or the JVM keeps it (-Xrs): the JVM's own handling applies
            }
        }
        return cancellation;
    }

    /** @return the token the command checks */
    CancellationToken token() {
        return token;
    }

    /** @return 128 + the number of the first signal received, or 0 when none was */
    int signalExitCode() {
        return exitCode.get();
    }

    /** Tells the watchdog the command has returned (its partial output is removed); call before exiting. */
    void commandFinished() {
        finished.countDown();
    }

    /**
     * The first signal cancels the token and starts a watchdog that exits if the command does not return within
     * {@link #GRACE}; a later one exits at once.
     *
     * @param code the exit code the signal asks for
     */
    void signalled(int code) {
        signalled(code, System.nanoTime());
    }

    /**
     * As {@link #signalled(int)}, at a given time. A second signal exits through the JVM's shutdown, whose hooks still
     * delete the partial output (75 000 PNG files took 35–40 s); it said "stopping now, so partial output may remain"
     * and repeated that on every further signal while the deletion went on (a fresh user, 7 Dec). It now says so, and
     * a third signal stops at once, without the hooks.
     *
     * @param code the exit code the signal asks for
     * @param now {@link System#nanoTime()} when it came
     */
    void signalled(int code, long now) {
        if (!exitCode.compareAndSet(0, code)) {
            // GNU timeout signals the process and then its whole group, so one timeout arrives twice within
            // milliseconds: only a signal well after the first is someone asking again (0: the first is still
            // being handled, so this is the same burst)
            long previous = lastRequest;
            if (previous == 0 || now - previous < REPEAT_AFTER.toNanos()) {
                // a person's second Ctrl-C a second after the first went without a word, so "a third signal stops
                // at once" took a fourth (a re-check, 7 Dec); timeout's copy, milliseconds later, still says nothing
                if (previous != 0 && now - previous >= SAME_DELIVERY.toNanos() && toldTooSoon.compareAndSet(false,
                        true)) {
                    System.err.println(TOO_SOON + " " + REPEAT_AFTER.toSeconds() + " s of the one before is taken as "
                            + "the same; signal again after that to exit at once");
                }
                return;
            }
            lastRequest = now;
            if (exitRequested.compareAndSet(false, true)) {
                System.err.println("augment: a second signal; exiting now, once the partial output is removed (a third "
                        + "signal stops at once, leaving hidden .<name>.tmp* files or folders beside it, which the "
                        + "next run to the same output removes)");
                Thread exiting = new Thread(() -> exits.exit(exitCode.get()), "augment-second-signal");
                exiting.setDaemon(true);
                exiting.start();
            } else {
                System.err.println("augment: a third signal; stopping at once, so partial output may remain (hidden "
                        + ".<name>.tmp* files or folders beside it, which the next run to the same output removes)");
                System.err.flush();
                exits.halt(exitCode.get());
            }
            return;
        }
        lastRequest = now == 0 ? 1 : now;
        token.cancel(); // at once, not when the watchdog thread gets to run
        Thread watchdog = new Thread(() -> {
            if (!cancelAndWait(GRACE, System.err)) {
                exits.exit(code);
            }
        }, "augment-interrupt");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** @return whether the command finished while a deletion was running, within {@code most} */
    private boolean awaitWhileRemoving(Duration most) {
        long end = System.nanoTime() + most.toNanos();
        try {
            while (System.nanoTime() < end) {
                if (finished.await(200, TimeUnit.MILLISECONDS)) {
                    return true;
                }
                if (!removing.getAsBoolean() && finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    return true; // the deletion ended: the command gets a grace again for its line
                } else if (!removing.getAsBoolean()) {
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /**
     * Cancels the token and waits for the command; if it has not finished within {@code grace}, says so on
     * {@code err} (one line starting {@value #GAVE_UP}), since the JVM exits next and partial output may
     * then remain.
     *
     * @param grace how long to wait
     * @param err where the give-up line goes
     * @return true if the command finished within {@code grace}
     */
    boolean cancelAndWait(Duration grace, PrintStream err) {
        token.cancel();
        boolean done;
        long start = System.nanoTime();
        long notice = Math.min(NOTICE.toMillis(), grace.toMillis());
        try {
            done = finished.await(notice, TimeUnit.MILLISECONDS);
            if (!done && !removing.getAsBoolean()) {
                done = finished.await(grace.toMillis() - notice, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done = false;
        }
        if (!done && removing.getAsBoolean()) {
            // unlinking a file of tens of GB, or a folder of 100 000 PNGs, takes seconds: the command is busy
            // removing its output, not stuck, and says so at once
            long left = Math.max(0, grace.toNanos() - (System.nanoTime() - start));
            err.println(REMOVING + " (many files, or a large one, take a while to delete); waiting up to "
                    + MOST_CLEANUP.plusNanos(left).toSeconds() / 60 + " min " + MOST_CLEANUP.plusNanos(left)
                    .toSecondsPart() + " s for it");
            err.flush();
            done = awaitWhileRemoving(MOST_CLEANUP.plusNanos(left));
        }
        if (!done) {
            err.println(GAVE_UP + " " + grace.toSeconds() + " s for the command to stop after the signal; "
                    + "stopping anyway, so partial output may remain (hidden .<name>.tmp* files or folders beside it)");
            err.flush();
        }
        return done;
    }
}
