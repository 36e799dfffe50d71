package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.AtomicFiles;
import dev.augment.train.Checkpoints;
import dev.augment.train.EpochReport;
import dev.augment.train.PyTorchEngine;
import dev.augment.train.TrainingDivergedException;
import dev.augment.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The round loop of one table GAN run on encoded rows: builds the networks (seeded by the settings), resumes them
 * from a checkpoint when asked, then trains round after round ({@link TableTrainingPlan}), each step drawn by
 * {@link TableGanStep} and drawn again after a dropped update (at most {@value TableGanTrainer#MAX_REDRAWS} draws
 * in a row), telling the listener about rounds and steps, and with a checkpoint folder writing a
 * {@link TableCheckpoint} atomically after every round. A cancel stops before the next step.
 */
final class TableTrainingRun {

    private final TableTrainingPlan plan;
    private final TrainingListener listener;
    private final CancellationToken cancellation;

    /**
     * @param plan the run's settings and lengths
     * @param listener hears about rounds and steps
     * @param cancellation checked before every step
     */
    TableTrainingRun(TableTrainingPlan plan, TrainingListener listener, CancellationToken cancellation) {
        this.plan = plan;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * Trains; see {@link TableGanTrainer#train(TableEncoder, float[], int[], int, Path, boolean)}, which checks the
     * arguments first.
     *
     * @param encoder the table's encoder
     * @param encoded rows in the GAN's space, row-major {@code [rows, encoder.width()]}
     * @param classes class index of every row
     * @param classCount number of classes; every class needs a row
     * @param checkpointDir where the checkpoint goes, or null for none
     * @param resume continue from the checkpoint in {@code checkpointDir}
     * @return the trained generator; close it when done
     * @throws IOException when the checkpoint cannot be read or written
     */
    TrainedTableGan train(TableEncoder encoder, float[] encoded, int[] classes, int classCount, Path checkpointDir,
                          boolean resume) throws IOException {
        TableGanSettings settings = plan.settings();
        long total = plan.totalSteps();
        ClassSampler sampler = new ClassSampler(classes, classCount, settings.conditioning(), settings.seed());
        TableFingerprint data = checkpointDir == null ? null
                : TableFingerprint.of(encoder, encoded, classes, classCount);
        Path checkpoint = checkpointDir == null ? null : checkpointDir.resolve(Checkpoints.LATEST);
        if (checkpointDir != null) {
            AtomicFiles.deleteLeftovers(checkpointDir, Checkpoints.LATEST);
        }
        PyTorchEngine.get().setRandomSeed((int) settings.seed());
        TableNetworks nets = new TableNetworks(settings, encoder.width(), classCount);
        try {
            TableGanStep step = new TableGanStep(settings, nets, encoder, encoded, sampler, plan.batch(), classCount);
            TableCheckpoint.Progress progress = resume ? resumeFrom(checkpoint, data, nets)
                    : new TableCheckpoint.Progress(List.of(), 0, 0);
            List<EpochReport> history = new ArrayList<>(progress.history());
            long done = progress.steps();
            long dropped = progress.dropped();
            int rounds = history.size() + plan.roundsLeft(done);
            for (int round = history.size(); done < total; round++) {
                int steps = plan.stepsToRoundEnd(done);
                listener.epochStarted(round + 1, rounds, steps);
                long start = System.nanoTime();
                double sumD = 0;
                double sumG = 0;
                for (int s = 0; s < steps; s++) {
                    stopIfCancelled("training the table GAN (step " + (done + 1) + " of " + total + ")", checkpoint);
                    float[] losses = null;
                    for (int attempt = 0; losses == null; attempt++) {
                        if (attempt == TableGanTrainer.MAX_REDRAWS) {
                            throw new TrainingDivergedException("training diverged at step " + (done + 1) + ": "
                                    + TableGanTrainer.MAX_REDRAWS + " draws in a row gave a NaN or infinite loss or "
                                    + "gradient; lower the learning rate or change the seed");
                        }
                        losses = step.run(done, attempt);
                        if (losses == null) {
                            dropped++;
                        }
                    }
                    sumD += losses[0];
                    sumG += losses[1];
                    done++;
                    listener.stepFinished(s + 1, losses[0], losses[1]);
                }
                if (dropped > 0) {
                    listener.info(String.format("%d update(s) so far had a NaN or infinite loss or gradient; each was "
                            + "dropped and its step drawn again", dropped));
                }
                EpochReport report = new EpochReport(round + 1, steps, sumD / steps, sumG / steps,
                        (System.nanoTime() - start) / 1e9);
                history.add(report);
                if (checkpoint != null) {
                    stopIfCancelled("training the table GAN (end of step " + done + ")", checkpoint);
                    TableCheckpoint.write(checkpoint, cancellation, settings, data,
                            new TableCheckpoint.Progress(history, done, dropped), nets);
                }
                listener.epochFinished(report, null);
            }
            return new TrainedTableGan(nets, encoder, settings, classCount, plan.batch(), history);
        } catch (RuntimeException | IOException | Error e) {
            nets.close();
            throw e;
        }
    }

    private TableCheckpoint.Progress resumeFrom(Path checkpoint, TableFingerprint data, TableNetworks nets)
            throws IOException {
        long total = plan.totalSteps();
        if (!Files.isRegularFile(checkpoint)) {
            throw new InvalidSettingException("resume", "needs a checkpoint, and " + checkpoint + " does not exist; "
                    + "start without resuming first");
        }
        TableCheckpoint.Progress progress = TableCheckpoint.read(checkpoint, plan.settings(), data, total, nets);
        listener.info("resuming after step " + progress.steps() + " of " + total + " from " + checkpoint);
        if (progress.steps() == total) {
            listener.info("the checkpoint already holds all " + total + " steps; exporting its generator without "
                    + "training");
        }
        return progress;
    }

    /** Throws when cancelled, saying what the checkpoint on disk holds. */
    private void stopIfCancelled(String where, Path checkpoint) {
        if (cancellation.isCancelled()) {
            throw new CancelledException("interrupted while " + where + "; " + (checkpoint == null
                    ? "nothing was written" : Files.exists(checkpoint)
                    ? checkpoint + " keeps the last complete round; resume from it" : "no checkpoint was written yet"));
        }
    }
}
