package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.AtomicFiles;
import dev.augment.train.Checkpoints;
import dev.augment.train.EpochReport;
import dev.augment.train.PyTorchEngine;
import dev.augment.train.RoundTally;
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
 * {@link TableCheckpoint} atomically after every round.
 *
 * <p>A cancel stops before the next step. With a checkpoint folder, the run first saves its last completed step
 * there (unless the checkpoint already holds it), midway through a round if need be: the checkpoint then carries
 * the round's steps, loss sums and seconds so far ({@link RoundTally}), and a resume finishes that round, so the
 * history equals an uninterrupted run's. Since a step depends only on the networks' and optimisers' state and on
 * (seed, step, redraw), which reseeds every draw including the engine's generator, a resume from any step equals
 * an uninterrupted run. That save is atomic (temporary file, then a rename), so a process killed during it leaves
 * the previous checkpoint whole. On resuming midway through a round, the
 * listener hears that round start with the steps left in it.
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
                    : TableCheckpoint.Progress.START;
            List<EpochReport> history = new ArrayList<>(progress.history());
            long done = progress.steps();
            long dropped = progress.dropped();
            long saved = resume ? done : -1;
            RoundTally tally = progress.current();
            int rounds = history.size() + plan.roundsLeft(done);
            for (int round = history.size(); done < total; round++) {
                int steps = plan.stepsToRoundEnd(done);
                listener.epochStarted(round + 1, rounds, steps);
                long start = System.nanoTime();
                for (int s = 0; s < steps; s++) {
                    if (cancellation.isCancelled()) {
                        throw stop("training the table GAN (step " + (done + 1) + " of " + total + ")", checkpoint,
                                saved, new TableCheckpoint.Progress(history, done, dropped,
                                        tally.after(secondsSince(start))), data, nets);
                    }
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
                    tally = tally.plus(losses[0], losses[1]);
                    done++;
                    listener.stepFinished(s + 1, losses[0], losses[1]);
                }
                if (dropped > 0) {
                    listener.info(String.format("%d update(s) so far had a NaN or infinite loss or gradient; each was "
                            + "dropped and its step drawn again", dropped));
                }
                EpochReport report = tally.after(secondsSince(start)).report(round + 1);
                history.add(report);
                tally = RoundTally.EMPTY;
                if (checkpoint != null) {
                    save(checkpoint, new TableCheckpoint.Progress(history, done, dropped, tally), data, nets);
                    saved = done;
                }
                listener.epochFinished(report, null);
            }
            return new TrainedTableGan(nets, encoder, settings, classCount, plan.batch(), history);
        } catch (RuntimeException | IOException | Error e) {
            nets.close();
            throw e;
        }
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /** Replaces the checkpoint atomically, even once cancelled ({@link TableCheckpoint#write}). */
    private void save(Path checkpoint, TableCheckpoint.Progress progress, TableFingerprint data, TableNetworks nets)
            throws IOException {
        TableCheckpoint.write(checkpoint, cancellation, plan.settings(), data, progress, nets);
    }

    /**
     * Saves the last step done when the checkpoint on disk holds fewer.
     *
     * @param where what was interrupted
     * @param checkpoint the checkpoint file, or null for none
     * @param saved steps the checkpoint on disk holds, -1 when this run has none
     * @param progress where the run stands after its last step
     * @param data what the run trains on
     * @param nets the networks and optimisers
     * @return the exception to throw, saying what the checkpoint holds
     */
    private CancelledException stop(String where, Path checkpoint, long saved, TableCheckpoint.Progress progress,
                                    TableFingerprint data, TableNetworks nets) {
        String interrupted = "interrupted while " + where + "; ";
        if (checkpoint == null) {
            return new CancelledException(interrupted + "nothing was written");
        }
        String failure = "";
        long kept = saved;
        if (progress.steps() > Math.max(saved, 0)) {
            try {
                save(checkpoint, progress, data, nets);
                kept = progress.steps();
            } catch (IOException e) {
                failure = "saving step " + progress.steps() + " failed (" + e.getMessage() + "), so ";
            }
        }
        return new CancelledException(interrupted + failure + (kept < 0 ? "no checkpoint was written yet"
                : checkpoint + " keeps step " + kept + " of " + plan.totalSteps() + "; resume from it"));
    }

    private TableCheckpoint.Progress resumeFrom(Path checkpoint, TableFingerprint data, TableNetworks nets)
            throws IOException {
        long total = plan.totalSteps();
        if (!Files.isRegularFile(checkpoint)) {
            throw new InvalidSettingException("resume", "needs a checkpoint, and " + checkpoint
                    + (Files.exists(checkpoint) ? " is not a file" : " does not exist") + "; "
                    + "start without resuming first");
        }
        TableCheckpoint.Progress progress = TableCheckpoint.read(checkpoint, plan.settings(), data, total, nets);
        int into = progress.current().steps();
        String midway = into == 0 ? "" : " (" + into + (into == 1 ? " step" : " steps") + " into round "
                + (progress.history().size() + 1) + ")";
        listener.info("resuming after step " + progress.steps() + " of " + total + midway + " from " + checkpoint);
        if (progress.steps() == total) {
            listener.info("the checkpoint already holds all " + total + " steps; exporting its generator without "
                    + "training");
        }
        return progress;
    }
}
