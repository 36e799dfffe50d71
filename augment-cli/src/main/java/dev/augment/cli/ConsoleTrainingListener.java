package dev.augment.cli;

import dev.augment.train.EpochReport;
import dev.augment.train.TrainingListener;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * What {@code train} shows while a GAN trains, image or table: a progress bar per round ("epoch 3/40" or
 * "round 3/16") with the last step's losses, one log line per finished round, and the trainer's notes.
 */
final class ConsoleTrainingListener implements TrainingListener {

    private final PrintWriter log;
    private final Progress progress;
    private final String round;
    private final BiFunction<EpochReport, Path, String> finished;

    /**
     * @param log where finished rounds and notes go
     * @param progress the progress bar
     * @param round the word for one round on the bar: "epoch" or "round"
     * @param finished the log line of a finished round, from its report and sample grid (null when none)
     */
    ConsoleTrainingListener(PrintWriter log, Progress progress, String round,
                            BiFunction<EpochReport, Path, String> finished) {
        this.log = log;
        this.progress = progress;
        this.round = round;
        this.finished = finished;
    }

    @Override
    public void epochStarted(int epoch, int total, int steps) {
        progress.reset(round + " " + epoch + "/" + total, steps);
    }

    @Override
    public void stepFinished(int step, double lossD, double lossG) {
        progress.advance(1);
        progress.message(String.format("D %.3f G %.3f", lossD, lossG));
    }

    @Override
    public void epochFinished(EpochReport report, Path grid) {
        log.println(finished.apply(report, grid));
        log.flush();
    }

    @Override
    public void info(String message) {
        log.println(message);
        log.flush();
    }
}
