package dev.augment.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shutdown hook's wait: silent when the command finished, one give-up line when it did not. */
class SignalCancellationTest {

    @Test
    void aFinishedCommandIsNotReported() {
        SignalCancellation cancellation = new SignalCancellation();
        cancellation.commandFinished();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        boolean done = cancellation.cancelAndWait(Duration.ofSeconds(5), new PrintStream(err, true,
                StandardCharsets.UTF_8));

        assertTrue(done);
        assertTrue(cancellation.token().isCancelled());
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aCommandStillRunningAfterTheGraceIsReportedInOneLine() {
        SignalCancellation cancellation = new SignalCancellation(() -> false);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        boolean done = cancellation.cancelAndWait(Duration.ofMillis(50), new PrintStream(err, true,
                StandardCharsets.UTF_8));

        cancellation.commandFinished();
        String text = err.toString(StandardCharsets.UTF_8);
        assertFalse(done);
        assertTrue(text.startsWith(SignalCancellation.GAVE_UP), text);
        assertTrue(text.contains("partial output may remain"), text);
        assertEquals(1, text.lines().count(), text);
    }

    /**
     * Deleting a 27 GB partial IDX file outlasted the grace, and the line said partial output may remain while the
     * command was removing it (a fresh user, 5 Dec): a deletion still running extends the wait, saying so.
     */
    @Test
    void aDeletionStillRunningAfterTheGraceExtendsTheWait() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean removing = new java.util.concurrent.atomic.AtomicBoolean(true);
        SignalCancellation cancellation = new SignalCancellation(removing::get);
        Thread command = new Thread(() -> {
            try {
                Thread.sleep(600); // the deletion runs past the 50 ms grace
            } catch (InterruptedException e) {
                return;
            }
            removing.set(false);
            cancellation.commandFinished();
        });
        command.start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        boolean done = cancellation.cancelAndWait(Duration.ofMillis(50), new PrintStream(err, true,
                StandardCharsets.UTF_8));

        command.join();
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(done, text);
        assertTrue(text.startsWith(SignalCancellation.REMOVING), text);
        assertFalse(text.contains("partial output may remain"), text);
    }

    /**
     * The line came only when the grace ended: 180 000 PNG files being deleted gave ten silent seconds after the first
     * Ctrl-C, which users answer with a second (a re-check, 7 Dec). A deletion running a second after is named then.
     */
    @Test
    void aDeletionRunningASecondAfterTheSignalIsNamedThenNotAtTheGracesEnd() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean removing = new java.util.concurrent.atomic.AtomicBoolean(true);
        SignalCancellation cancellation = new SignalCancellation(removing::get);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watchdog = new Thread(() -> done.set(cancellation.cancelAndWait(Duration.ofSeconds(60), errStream)));
        watchdog.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!err.toString(StandardCharsets.UTF_8).startsWith(SignalCancellation.REMOVING)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String text = err.toString(StandardCharsets.UTF_8);
        removing.set(false);
        cancellation.commandFinished();
        watchdog.join();
        assertTrue(text.startsWith(SignalCancellation.REMOVING), "named within 20 s of a 60 s grace: " + text);
        assertTrue(text.contains("waiting up to 2 min 59 s for it") || text.contains("waiting up to 2 min 58 s"), text);
        assertTrue(done.get());
    }

    /**
     * GNU timeout sends one signal to the process and then to its group: the second copy, milliseconds later, is not
     * a second Ctrl-C (which exits at once, skipping train's last checkpoint). Were it taken for one, this test JVM
     * would exit.
     */
    @Test
    void theSameSignalDeliveredTwiceAtOnceIsOneRequest() {
        SignalCancellation cancellation = new SignalCancellation();
        cancellation.commandFinished(); // the watchdog then has nothing to wait for
        cancellation.signalled(130);
        cancellation.signalled(130);
        assertTrue(cancellation.token().isCancelled());
        assertEquals(130, cancellation.signalExitCode());
    }
    /**
     * A second Ctrl-C said "stopping now, so partial output may remain" while the exit hooks went on deleting 75 000
     * PNG files for 35–40 s, and every further Ctrl-C printed the line again (a fresh user, 7 Dec). The second starts
     * the exit, with its hooks, once; a third halts.
     */
    @Test
    void aSecondSignalExitsWithTheHooksOnceAndAThirdHalts() throws Exception {
        java.util.concurrent.BlockingQueue<String> ended = new java.util.concurrent.LinkedBlockingQueue<>();
        SignalCancellation cancellation = new SignalCancellation(() -> false, new SignalCancellation.Exits() {
            @Override
            public void exit(int code) {
                ended.add("exit " + code);
            }

            @Override
            public void halt(int code) {
                ended.add("halt " + code);
            }
        });
        cancellation.commandFinished(); // the watchdog has nothing to wait for
        long second = 1_000_000_000L;
        long step = SignalCancellation.REPEAT_AFTER.toNanos() + 1;
        cancellation.signalled(130, 1);
        cancellation.signalled(143, 1 + step);
        assertEquals("exit 130", ended.poll(10, java.util.concurrent.TimeUnit.SECONDS));
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream said = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(said, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            cancellation.signalled(130, 1 + step + 1_000_000); // timeout's copy: nothing at all
            assertEquals("", said.toString(java.nio.charset.StandardCharsets.UTF_8));
            cancellation.signalled(130, 1 + step + second); // a person's press a second later: the same, told so
            cancellation.signalled(130, 1 + step + second + second / 2); // told once
        } finally {
            System.setErr(stderr);
        }
        assertEquals(null, ended.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS));
        assertEquals(SignalCancellation.TOO_SOON + " 2 s of the one before is taken as the same; signal again after "
                + "that to exit at once" + System.lineSeparator(), said.toString(java.nio.charset.StandardCharsets
                .UTF_8));
        cancellation.signalled(130, 1 + 2 * step);
        assertEquals("halt 130", ended.poll(10, java.util.concurrent.TimeUnit.SECONDS));
    }
}
