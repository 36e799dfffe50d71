package dev.augment.eval.table;

import dev.augment.train.EpochReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The evaluation log's lines while a table GAN trains: one a minute, none for a short GAN or its last round. */
class TableGanProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLongTrainingSaysWhereItIsAboutOnceAMinute() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(3 * SECOND);
        TableGanProgress listener = new TableGanProgress(4, lines::add, now::get);
        for (int round = 1; round <= 8; round++) { // 8 rounds of 250 steps, 25 s each
            listener.epochStarted(round, 8, 250);
            now.addAndGet(25 * SECOND);
            listener.epochFinished(new EpochReport(round, 250, -1.234, 0.5, 25), null);
        }
        assertEquals(List.of("seed 4: table GAN round 3 of 8 (750 steps), D -1.23 G 0.50, 75 s",
                "seed 4: table GAN round 6 of 8 (1500 steps), D -1.23 G 0.50, 150 s"), lines,
                "rounds 3 and 6 are the first a minute after the last line; round 8 is the trainer's own line");
    }

    @Test
    void aTrainingUnderAMinuteAddsNoLine() {
        List<String> lines = new ArrayList<>();
        AtomicLong now = new AtomicLong(0);
        TableGanProgress listener = new TableGanProgress(1, lines::add, now::get);
        for (int round = 1; round <= 4; round++) {
            listener.epochStarted(round, 4, 250);
            now.addAndGet(14 * SECOND);
            listener.epochFinished(new EpochReport(round, 250, -1, 1, 14), null);
        }
        assertEquals(List.of(), lines);
    }
}
