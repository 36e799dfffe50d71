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
        SignalCancellation cancellation = new SignalCancellation();
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
}
