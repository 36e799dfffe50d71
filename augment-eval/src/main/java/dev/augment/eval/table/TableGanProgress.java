package dev.augment.eval.table;

import dev.augment.train.EpochReport;
import dev.augment.train.TrainingListener;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The evaluation log's word on a seed's table GAN while it trains: after a round ({@code TableGanTrainer}'s 250
 * steps, or an epoch), a line when a minute or more has passed since the last one, so that a GAN of many minutes
 * (24 minutes a seed on the unbalanced table beside other jobs, 3 Dec, silent until then) is seen to move, while a
 * GAN of under a minute adds no line. The line reads {@code seed 1: table GAN round 4 of 16 (1000 steps), D -1.21
 * G 0.48, 62 s}: the round's mean critic and generator losses and the training's wall time so far.
 */
final class TableGanProgress implements TrainingListener {

    /** Wall time between two lines, and before the first one: one minute. */
    static final long INTERVAL_NANOS = 60_000_000_000L;

    private final long seed;
    private final Consumer<String> progress;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastLine;
    private int rounds;
    private long stepsDone;

    /**
     * @param seed the evaluation seed whose GAN trains
     * @param progress the evaluation's log
     * @param nanoClock monotonic time in nanoseconds ({@link System#nanoTime} outside tests)
     */
    TableGanProgress(long seed, Consumer<String> progress, LongSupplier nanoClock) {
        this.seed = seed;
        this.progress = progress;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastLine = started;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int steps) {
        rounds = epochs;
    }

    @Override
    public void epochFinished(EpochReport report, Path sampleGrid) {
        stepsDone += report.steps();
        long now = nanoClock.getAsLong();
        if (now - lastLine < INTERVAL_NANOS || report.epoch() >= rounds) {
            return; // the last round is followed by the "trained in" line
        }
        lastLine = now;
        progress.accept(String.format(Locale.ROOT,
                "seed %d: table GAN round %d of %d (%d steps), D %.2f G %.2f, %.0f s", seed, report.epoch(), rounds,
                stepsDone, report.lossD(), report.lossG(), (now - started) / 1e9));
    }
}
