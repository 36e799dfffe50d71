package dev.augment.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The plain progress line of a non-interactive run: one a minute, none for a short run. */
class PeriodicProgressLineTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLongRunPrintsOneLineAMinuteWithCountShareAndRate() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(5 * SECOND);
        PeriodicProgressLine line = new PeriodicProgressLine(new PrintWriter(text), "generate", 1_000_000, now::get);
        for (int second = 1; second <= 150; second++) { // 150 s at 1 000 samples a second
            now.addAndGet(SECOND);
            line.advance(1_000);
        }
        assertEquals("augment: generate: 60000 of 1000000 samples done (6%), 1000/s\n"
                + "augment: generate: 120000 of 1000000 samples done (12%), 1000/s\n", text.toString());
    }

    @Test
    void aRunShorterThanAMinuteOrTheLastBatchPrintsNothing() {
        StringWriter text = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        PeriodicProgressLine line = new PeriodicProgressLine(new PrintWriter(text), "oversample", 100, now::get);
        now.set(59 * SECOND);
        line.advance(50);
        now.set(120 * SECOND);
        line.advance(50); // done: the command's own "wrote" line follows
        assertEquals("", text.toString());
    }
}
