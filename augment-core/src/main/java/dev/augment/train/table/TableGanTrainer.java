package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.AtomicFiles;
import dev.augment.random.SeededNoise;
import dev.augment.table.Table;
import dev.augment.train.Checkpoints;
import dev.augment.train.EpochReport;
import dev.augment.train.NativeScalar;
import dev.augment.train.PyTorchEngine;
import dev.augment.train.TrainingDivergedException;
import dev.augment.train.TrainingListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains CTGAN (Xu et al. 2019) on an encoded table with DJL's PyTorch engine: per step one critic update
 * (WGAN-GP loss on packed real and fake rows with their conditional vectors), one update of the
 * {@link AuxiliaryClassifier} on the same real rows when its weight is positive, then one generator update
 * ({@code -mean(critic(fake))}, plus the auxiliary weight times the classifier's cross-entropy of the fake rows
 * against their classes), each class drawn by {@link ClassSampler}. Noise, class and row draws are
 * keyed by (seed, step, redraw); initial weights by the seed; dropout, the penalty's mixing weights and Gumbel
 * noise come from the engine's generator, reseeded from (seed, step, redraw) before every step, so a run on one
 * machine is repeatable and a resumed run equals an uninterrupted one. Constants that a gradient reads are
 * {@link NativeScalar}s, whose memory a garbage collection cannot free mid-step.
 *
 * <p>Given a checkpoint folder, a checkpoint ({@link TableCheckpoint}) is written atomically after every round
 * ({@value #ROUND_STEPS} steps, or an epoch when counting epochs) and a run can resume from it; a cancel stops
 * before the next step and the last complete checkpoint stays. Without one, a cancelled or failed run writes
 * nothing.
 *
 * <p>Non-finite updates are never applied. When a critic or generator update's loss or any of its
 * gradients is NaN or infinite, the update is dropped (gradients zeroed, weights untouched) and the step is
 * drawn again with fresh classes, rows and noise (retry {@code a} uses noise streams {@code 2a, 2a + 1} and
 * row stream {@code a}); CTGAN likewise redraws a Gumbel-softmax that came out NaN. Before this, one such
 * update turned every weight into NaN and stopped unbalanced-table runs after 1 500–3 500 steps. Only
 * {@value #MAX_REDRAWS} failed draws of one step in a row stop training with a
 * {@link TrainingDivergedException}; the number of dropped updates is reported to the listener.
 */
public final class TableGanTrainer {

    /** Steps per reported round when training counts steps. */
    static final int ROUND_STEPS = 250;
    /** Failed draws of one step in a row after which training stops as diverged. */
    static final int MAX_REDRAWS = 10;
    /** Randomness key of the engine's seed for a step's dropout, penalty mixing and Gumbel noise. */
    private static final long ENGINE_KEY = 0x656e67L;

    private final TableGanSettings settings;
    private final TrainingListener listener;
    private final CancellationToken cancellation;

    /**
     * @param settings the run's settings
     * @param listener hears about rounds (epochs, or {@value #ROUND_STEPS} steps) and steps
     * @param cancellation checked before every step
     */
    public TableGanTrainer(TableGanSettings settings, TrainingListener listener, CancellationToken cancellation) {
        this.settings = settings;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * Trains on a table without checkpoints: fits the encoder (mixtures seeded by the settings' seed), encodes the
     * rows, trains.
     *
     * @param table the training table; every class needs a row
     * @return the trained generator; close it when done
     * @throws dev.augment.errors.InvalidSettingException when a class of the schema has no row
     */
    public TrainedTableGan train(Table table) {
        try {
            return train(table, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("no checkpoint is read or written without a checkpoint folder", e);
        }
    }

    /**
     * Trains on a table: fits the encoder (mixtures seeded by the settings' seed), encodes the rows, trains, and
     * with a checkpoint folder writes a checkpoint after every round.
     *
     * @param table the training table; every class needs a row
     * @param checkpointDir where the checkpoint goes, or null for none
     * @param resume continue from the checkpoint in {@code checkpointDir}, which needs the same settings (but for a
     *     training length at least the checkpoint's) and the same table; when it holds the whole run, nothing is
     *     trained
     * @return the trained generator; close it when done
     * @throws dev.augment.errors.InvalidSettingException when a class of the schema has no row, or the checkpoint
     *     does not fit this run (see {@link #train(TableEncoder, float[], int[], int, Path, boolean)})
     * @throws dev.augment.errors.InvalidDataException when the checkpoint is not a complete table checkpoint
     * @throws IOException when the checkpoint cannot be read or written
     */
    public TrainedTableGan train(Table table, Path checkpointDir, boolean resume) throws IOException {
        long[] counts = table.examplesPerClass();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new InvalidSettingException("table", "has no row of class '" + table.schema().labels().get(c)
                        + "', so no generator can learn it");
            }
        }
        TableEncoder encoder = TableEncoder.fit(table, settings.seed());
        listener.info(String.format("encoded %d rows of %d columns into %d GAN values per row (%s); batch %d, %d steps",
                table.rows(), table.schema().columns().size(), encoder.width(), describeModes(encoder),
                settings.batchFor(table.rows()), settings.totalSteps(table.rows())));
        return train(encoder, encoder.encode(table, settings.seed()), table.classes(), table.schema().classCount(),
                checkpointDir, resume);
    }

    private static String describeModes(TableEncoder encoder) {
        List<String> modes = new ArrayList<>();
        for (ColumnEncoding column : encoder.columns()) {
            if (column instanceof ColumnEncoding.Numeric n) {
                modes.add(Integer.toString(n.mixture().modes()));
            }
        }
        return modes.isEmpty() ? "no numeric columns" : "modes per numeric column " + String.join(",", modes);
    }

    /**
     * Trains on encoded rows without checkpoints.
     *
     * @param encoder the table's encoder
     * @param encoded rows in the GAN's space, row-major {@code [rows, encoder.width()]}
     * @param classes class index of every row
     * @param classCount number of classes; every class needs a row
     * @return the trained generator, whose settings carry the auxiliary weight chosen for these rows when the
     *     settings left it to the table; close it when done
     * @throws CancelledException when cancelled
     * @throws TrainingDivergedException on a NaN or infinite loss
     */
    public TrainedTableGan train(TableEncoder encoder, float[] encoded, int[] classes, int classCount) {
        try {
            return train(encoder, encoded, classes, classCount, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("no checkpoint is read or written without a checkpoint folder", e);
        }
    }

    /**
     * Trains on encoded rows, with a checkpoint folder writing {@value dev.augment.train.Checkpoints#LATEST} there
     * atomically after every round ({@value #ROUND_STEPS} steps, or an epoch): the networks, the batch-norm running
     * statistics, both optimisers, the steps done and the history. Every random draw of a step is keyed by (seed,
     * step, redraw), the engine's generator included, so a resumed run reaches the same weights as an uninterrupted
     * one. A cancel stops before the next step; the last complete checkpoint stays. When the settings leave the
     * auxiliary classifier's weight to the table, it is first chosen from these rows' class sizes
     * ({@link TableGanSettings#resolvedFor}), so a checkpoint records the weight used.
     *
     * @param encoder the table's encoder
     * @param encoded rows in the GAN's space, row-major {@code [rows, encoder.width()]}
     * @param classes class index of every row
     * @param classCount number of classes; every class needs a row
     * @param checkpointDir where the checkpoint goes, or null for none
     * @param resume continue from the checkpoint in {@code checkpointDir}
     * @return the trained generator; close it when done
     * @throws CancelledException when cancelled
     * @throws TrainingDivergedException on a NaN or infinite loss
     * @throws InvalidSettingException ({@code resume}) when resuming without a checkpoint, or from one made with
     *     other settings or another table (encoder fit, encoded rows or classes), ({@code steps} or {@code epochs})
     *     when the checkpoint holds more training than asked for
     * @throws dev.augment.errors.InvalidDataException when the checkpoint is not a complete table checkpoint
     * @throws IOException when the checkpoint cannot be read or written
     */
    public TrainedTableGan train(TableEncoder encoder, float[] encoded, int[] classes, int classCount,
                                 Path checkpointDir, boolean resume) throws IOException {
        if (settings.automaticAuxiliaryWeight()) {
            long[] counts = new long[classCount];
            for (int c : classes) {
                counts[c]++;
            }
            TableGanSettings resolved = settings.resolvedFor(counts);
            listener.info(String.format("auxiliary classifier weight %s: the smallest class has %d training rows "
                    + "(%s %d)", resolved.auxiliaryWeight(), Arrays.stream(counts).min().orElse(0),
                    resolved.auxiliaryWeight() > 0 ? "under" : "not under", TableGanSettings.SMALL_CLASS_ROWS));
            return new TableGanTrainer(resolved, listener, cancellation).trainResolved(encoder, encoded, classes,
                    classCount, checkpointDir, resume);
        }
        listener.info("auxiliary classifier weight " + settings.auxiliaryWeight() + " (as given)");
        return trainResolved(encoder, encoded, classes, classCount, checkpointDir, resume);
    }

    /** {@link #train(TableEncoder, float[], int[], int, Path, boolean)} once the auxiliary weight is known. */
    private TrainedTableGan trainResolved(TableEncoder encoder, float[] encoded, int[] classes, int classCount,
                                          Path checkpointDir, boolean resume) throws IOException {
        int width = encoder.width();
        if (encoded.length != classes.length * width) {
            throw new IllegalArgumentException(classes.length + " rows of width " + width + " need "
                    + classes.length * width + " values, got " + encoded.length);
        }
        if (resume && checkpointDir == null) {
            throw new InvalidSettingException("resume", "needs a checkpoint folder to resume from");
        }
        int batch = settings.batchFor(classes.length);
        long total = settings.totalSteps(classes.length);
        ClassSampler sampler = new ClassSampler(classes, classCount, settings.conditioning(), settings.seed());
        TableFingerprint data = checkpointDir == null ? null
                : TableFingerprint.of(encoder, encoded, classes, classCount);
        Path checkpoint = checkpointDir == null ? null : checkpointDir.resolve(Checkpoints.LATEST);
        if (checkpointDir != null) {
            AtomicFiles.deleteLeftovers(checkpointDir, Checkpoints.LATEST);
        }
        PyTorchEngine.get().setRandomSeed((int) settings.seed());
        TableNetworks nets = new TableNetworks(settings, width, classCount);
        try {
            TableCheckpoint.Progress progress = resume ? resumeFrom(checkpoint, data, total, nets)
                    : new TableCheckpoint.Progress(List.of(), 0, 0);
            List<EpochReport> history = new ArrayList<>(progress.history());
            int roundLength = settings.countsSteps() ? ROUND_STEPS : (int) (total / settings.epochs());
            long done = progress.steps();
            long dropped = progress.dropped();
            int rounds = history.size() + roundsLeft(done, total, roundLength);
            for (int round = history.size(); done < total; round++) {
                int steps = (int) Math.min(roundLength - done % roundLength, total - done);
                listener.epochStarted(round + 1, rounds, steps);
                long start = System.nanoTime();
                double sumD = 0;
                double sumG = 0;
                for (int s = 0; s < steps; s++) {
                    stopIfCancelled("training the table GAN (step " + (done + 1) + " of " + total + ")", checkpoint);
                    float[] losses = null;
                    for (int attempt = 0; losses == null; attempt++) {
                        if (attempt == MAX_REDRAWS) {
                            throw new TrainingDivergedException("training diverged at step " + (done + 1) + ": "
                                    + MAX_REDRAWS + " draws in a row gave a NaN or infinite loss or gradient; "
                                    + "lower the learning rate or change the seed");
                        }
                        losses = step(nets, encoder, encoded, sampler, batch, classCount, done, attempt);
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
            return new TrainedTableGan(nets, encoder, settings, classCount, batch, history);
        } catch (RuntimeException | IOException | Error e) {
            nets.close();
            throw e;
        }
    }

    /** @return rounds from {@code done} to {@code total}, each ending at a multiple of the round length or the end */
    private static int roundsLeft(long done, long total, int roundLength) {
        int rounds = 0;
        for (long at = done; at < total; at += roundLength - at % roundLength) {
            rounds++;
        }
        return rounds;
    }

    private TableCheckpoint.Progress resumeFrom(Path checkpoint, TableFingerprint data, long total, TableNetworks nets)
            throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new InvalidSettingException("resume", "needs a checkpoint, and " + checkpoint + " does not exist; "
                    + "start without resuming first");
        }
        TableCheckpoint.Progress progress = TableCheckpoint.read(checkpoint, settings, data, total, nets);
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

    /**
     * One critic and one generator update.
     *
     * @param attempt 0 for the step's first draw, then 1, 2, … for redraws after a dropped update
     * @return {critic loss with penalty, generator loss}, or null when an update was dropped because its loss
     *     or a gradient was not finite (the critic's update stands if only the generator's was dropped)
     */
    private float[] step(TableNetworks nets, TableEncoder encoder, float[] encoded, ClassSampler sampler, int batch,
                         int classCount, long step, int attempt) {
        int width = encoder.width();
        PyTorchEngine.get().setRandomSeed(SeededNoise.rng(settings.seed(), step, attempt, ENGINE_KEY)
                .nextInt(Integer.MAX_VALUE));
        try (NDManager sub = nets.manager.newSubManager()) {
            int[] drawn = sampler.classes(batch, step, 2 * attempt);
            int[] rows = sampler.rows(drawn, step, attempt);
            float[] real = new float[batch * width];
            for (int i = 0; i < batch; i++) {
                System.arraycopy(encoded, rows[i] * width, real, i * width, width);
            }
            NDArray condition = oneHot(sub, drawn, classCount);
            NDArray realRows = sub.create(real, new Shape(batch, width)).concat(condition, 1);
            NDArray fake = GumbelSoftmax.activate(nets.generator.forward(noise(sub, batch, step, 2 * attempt), condition,
                            true),
                    encoder.spans(), settings.tau());
            NDArray fakeRows = fake.stopGradient().concat(condition, 1);
            float lossD;
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                NDArray realScore = nets.discriminator.forward(realRows, true).score();
                NDArray fakeScore = nets.discriminator.forward(fakeRows, true).score();
                NDArray loss = fakeScore.mean().sub(realScore.mean());
                if (settings.penaltyWeight() > 0) {
                    loss = loss.add(nets.discriminator.gradientPenalty(realRows, fakeRows)
                            .mul(NativeScalar.of(sub, settings.penaltyWeight())));
                }
                collector.backward(loss);
                lossD = loss.getFloat();
            }
            if (!Float.isFinite(lossD) || !TableNetworks.finiteGradients(nets.discriminator.parameters(), sub)) {
                TableNetworks.clearGradients(nets.discriminator.parameters(), sub);
                TableNetworks.clearGradients(nets.generator.parameters(), sub);
                return null;
            }
            nets.stepDiscriminator(sub);
            TableNetworks.zeroGradients(nets.discriminator.parameters(), sub);
            if (nets.classifier != null) {
                trainClassifier(nets, sub.create(real, new Shape(batch, width)), condition, sub);
            }

            int[] drawnG = sampler.classes(batch, step, 2 * attempt + 1);
            NDArray conditionG = oneHot(sub, drawnG, classCount);
            float lossG;
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                NDArray generated = GumbelSoftmax.activate(nets.generator.forward(noise(sub, batch, step, 2 * attempt + 1),
                        conditionG,
                        true), encoder.spans(), settings.tau());
                NDArray score = nets.discriminator.forward(generated.concat(conditionG, 1), true).score();
                NDArray loss = score.mean().neg();
                if (nets.classifier != null) {
                    loss = loss.add(nets.classifier.crossEntropy(generated, conditionG, false)
                            .mul(NativeScalar.of(sub, settings.auxiliaryWeight())));
                }
                collector.backward(loss);
                lossG = loss.getFloat();
            }
            if (!Float.isFinite(lossG) || !TableNetworks.finiteGradients(nets.generator.parameters(), sub)) {
                TableNetworks.clearGradients(nets.generator.parameters(), sub);
                TableNetworks.clearGradients(nets.discriminator.parameters(), sub);
                if (nets.classifier != null) {
                    TableNetworks.clearGradients(nets.classifier.parameters(), sub);
                }
                return null;
            }
            nets.stepGenerator(sub);
            TableNetworks.zeroGradients(nets.generator.parameters(), sub);
            TableNetworks.zeroGradients(nets.discriminator.parameters(), sub);
            if (nets.classifier != null) {
                TableNetworks.zeroGradients(nets.classifier.parameters(), sub);
            }
            return new float[] {lossD, lossG};
        }
    }

    /**
     * One update of the auxiliary classifier on the critic step's real rows; an update whose loss or gradient is
     * not finite is dropped (the classifier sees only real rows, so this is not expected).
     */
    private static void trainClassifier(TableNetworks nets, NDArray realRows, NDArray condition, NDManager sub) {
        float loss;
        try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
            NDArray crossEntropy = nets.classifier.crossEntropy(realRows, condition, true);
            collector.backward(crossEntropy);
            loss = crossEntropy.getFloat();
        }
        if (Float.isFinite(loss) && TableNetworks.finiteGradients(nets.classifier.parameters(), sub)) {
            nets.stepClassifier(sub);
            TableNetworks.zeroGradients(nets.classifier.parameters(), sub);
        } else {
            TableNetworks.clearGradients(nets.classifier.parameters(), sub);
        }
    }

    private NDArray noise(NDManager sub, int batch, long step, int stream) {
        float[] z = new float[batch * settings.latentDim()];
        SeededNoise.gaussian(z, 0, z.length, settings.seed(), step, stream, 0x7aL);
        return sub.create(z, new Shape(batch, settings.latentDim()));
    }

    static NDArray oneHot(NDManager manager, int[] classes, int classCount) {
        return manager.create(classes).toType(DataType.INT32, false).oneHot(classCount).toType(DataType.FLOAT32, false);
    }
}
