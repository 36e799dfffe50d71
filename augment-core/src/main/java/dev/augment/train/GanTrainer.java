package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.random.SeededNoise;
import dev.augment.schema.SampleSchema;
import org.apache.commons.rng.sampling.PermutationSampler;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a conditional GAN with DJL's PyTorch engine, one D step then one G step per batch (the
 * loop of DJL's {@code EasyTrain}, twice). Every random choice is keyed by (seed, epoch, step), so
 * resuming from a checkpoint reaches the same weights as an uninterrupted run. A checkpoint with
 * optimiser state is written atomically after every epoch; a NaN or infinite loss stops training
 * and leaves the last good checkpoint in place.
 */
public final class GanTrainer {

    private static final int GRID_COLUMNS = 8;

    private final SampleSchema schema;
    private final GanSettings settings;
    private final TrainingListener listener;
    private final QualityCheck check;
    private final int checkEvery;

    /**
     * @param schema the samples' schema
     * @param settings training settings
     * @param listener progress listener
     */
    public GanTrainer(SampleSchema schema, GanSettings settings, TrainingListener listener) {
        this(schema, settings, listener, null, 0);
    }

    /**
     * @param schema the samples' schema
     * @param settings training settings
     * @param listener progress listener
     * @param check quality check run every {@code checkEvery} epochs and after the last one, or null
     * @param checkEvery epochs between checks; 0 checks only after the last epoch
     */
    public GanTrainer(SampleSchema schema, GanSettings settings, TrainingListener listener, QualityCheck check,
                      int checkEvery) {
        if (checkEvery < 0) {
            throw new InvalidSettingException("checkEvery", "must not be negative, was " + checkEvery);
        }
        this.schema = schema;
        this.settings = settings;
        this.listener = listener;
        this.check = check;
        this.checkEvery = checkEvery;
        NetworkLayout.of(schema, settings);
    }

    /**
     * Trains on the given samples.
     *
     * @param features samples in the schema's feature order and scale
     * @param labels class index of each sample
     * @param checkpointDir where checkpoints and per-epoch sample grids go
     * @param resume continue from the checkpoint in {@code checkpointDir}
     * @return the trained GAN, whose schema records the examples of each class; close it when done
     * @throws IOException when a checkpoint cannot be read or written
     */
    public TrainedGan train(float[][] features, int[] labels, Path checkpointDir, boolean resume) throws IOException {
        if (features.length != labels.length || features.length < settings.batchSize()) {
            throw new InvalidSettingException("batchSize", "is " + settings.batchSize() + " but the data has only "
                    + features.length + " samples; choose a batch size of at most " + features.length);
        }
        float[] scaled = scale(features);
        Engine.getEngine("PyTorch").setRandomSeed((int) settings.seed());
        GanNetworks nets = new GanNetworks(schema.withExamplesPerClass(examplesPerClass(labels)), settings);
        try {
            List<EpochReport> history = new ArrayList<>();
            BestGenerator best = new BestGenerator();
            Path checkpoint = checkpointDir.resolve(Checkpoints.LATEST);
            if (resume) {
                resumeFrom(checkpoint, nets, history, best);
            }
            int steps = features.length / settings.batchSize();
            for (int epoch = history.size(); epoch < settings.epochs(); epoch++) {
                EpochReport report = runEpoch(nets, scaled, labels, epoch, steps);
                history.add(report);
                Path grid = checkpointDir.resolve(String.format("samples-epoch-%03d.png", epoch + 1));
                SampleGrids.write(nets, schema, settings, GRID_COLUMNS, grid);
                if (checkDue(epoch + 1)) {
                    QualityCheck.Score score = check.evaluate((c, n, seed) -> TrainedGan.sample(nets, c, n, seed));
                    boolean improved = best.offer(epoch + 1, score, nets);
                    listener.info(String.format("epoch %d quality score %.4f%s", epoch + 1, score.value(),
                            improved ? " (best so far)" : " (best: epoch " + best.epoch() + ")"));
                }
                Checkpoints.writeAtomically(checkpoint,
                        out -> CheckpointFormat.write(out, settings, history, nets, best));
                listener.epochFinished(report, grid);
            }
            best.restoreInto(nets);
            return new TrainedGan(nets, history, best.epoch(), best.details());
        } catch (RuntimeException | IOException | Error e) {
            nets.close();
            throw e;
        }
    }

    /** What the exported schema records, so that a class without examples is known to be unlearned. */
    private long[] examplesPerClass(int[] labels) {
        long[] counts = new long[schema.classCount()];
        for (int label : labels) {
            if (label < 0 || label >= counts.length) {
                throw new IllegalArgumentException("class index " + label + " is not in 0.." + (counts.length - 1));
            }
            counts[label]++;
        }
        return counts;
    }

    private boolean checkDue(int epoch) {
        return check != null && (epoch == settings.epochs() || (checkEvery > 0 && epoch % checkEvery == 0));
    }

    private void resumeFrom(Path checkpoint, GanNetworks nets, List<EpochReport> history, BestGenerator best)
            throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new IOException(checkpoint + ": no checkpoint to resume from; start without resuming first");
        }
        try (InputStream raw = Files.newInputStream(checkpoint);
             DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            history.addAll(CheckpointFormat.read(in, settings, nets, best));
        }
        listener.info("resuming after epoch " + history.size() + " from " + checkpoint);
    }

    private EpochReport runEpoch(GanNetworks nets, float[] scaled, int[] labels, int epoch, int steps) {
        long start = System.nanoTime();
        int b = settings.batchSize();
        int f = schema.featureCount();
        int k = schema.classCount();
        int[] order = PermutationSampler.natural(labels.length);
        PermutationSampler.shuffle(SeededNoise.rng(settings.seed(), epoch, -1), order);
        listener.epochStarted(epoch + 1, settings.epochs(), steps);
        double sumD = 0;
        double sumG = 0;
        float[] batch = new float[b * f];
        float[] batchLabels = new float[b];
        float[] noise = new float[b * settings.latentDim()];
        for (int step = 0; step < steps; step++) {
            for (int i = 0; i < b; i++) {
                int row = order[step * b + i];
                System.arraycopy(scaled, row * f, batch, i * f, f);
                batchLabels[i] = labels[row];
            }
            try (NDManager sub = nets.manager.newSubManager()) {
                NDArray real = sub.create(batch, new Shape(b, f));
                NDArray oneHot = sub.create(batchLabels).toType(ai.djl.ndarray.types.DataType.INT32, false)
                        .oneHot(k);
                SeededNoise.gaussian(noise, 0, noise.length, settings.seed(), epoch, step, 0);
                NDArray zD = sub.create(noise, new Shape(b, settings.latentDim()));
                SeededNoise.gaussian(noise, 0, noise.length, settings.seed(), epoch, step, 1);
                NDArray zG = sub.create(noise, new Shape(b, settings.latentDim()));
                float lossD = discriminatorStep(nets, sub, real, oneHot, zD);
                float lossG = generatorStep(nets, sub, oneHot, zG);
                if (!Float.isFinite(lossD) || !Float.isFinite(lossG)) {
                    throw new TrainingDivergedException("training diverged at epoch " + (epoch + 1) + " step "
                            + (step + 1) + " (D loss " + lossD + ", G loss " + lossG + "); the last good checkpoint "
                            + "is kept; lower the learning rate or change the seed");
                }
                nets.updateAverage();
                sumD += lossD;
                sumG += lossG;
                listener.stepFinished(step + 1, lossD, lossG);
            }
        }
        return new EpochReport(epoch + 1, steps, sumD / steps, sumG / steps, (System.nanoTime() - start) / 1e9);
    }

    private float discriminatorStep(GanNetworks nets, NDManager sub, NDArray real, NDArray oneHot, NDArray z) {
        float loss;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray fake = nets.generator.forward(nets.store, new NDList(z, oneHot), true).singletonOrThrow()
                    .stopGradient();
            NDList realOut = nets.discriminator.forward(nets.store, new NDList(real, oneHot), true);
            NDList fakeOut = nets.discriminator.forward(nets.store, new NDList(fake, oneHot), true);
            NDArray total = GanLosses.discriminator(realOut.get(0), fakeOut.get(0));
            if (settings.auxiliaryWeight() > 0) {
                total = total.add(GanLosses.crossEntropy(realOut.get(1), oneHot).mul(settings.auxiliaryWeight()));
            }
            collector.backward(total);
            loss = total.getFloat();
        }
        nets.adamD.update(sub);
        GanNetworks.zeroGradients(nets.generator, sub);
        return loss;
    }

    private float generatorStep(GanNetworks nets, NDManager sub, NDArray oneHot, NDArray z) {
        float loss;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray fake = nets.generator.forward(nets.store, new NDList(z, oneHot), true).singletonOrThrow();
            NDList out = nets.discriminator.forward(nets.store, new NDList(fake, oneHot), true);
            NDArray total = GanLosses.generator(out.get(0));
            if (settings.auxiliaryWeight() > 0) {
                total = total.add(GanLosses.crossEntropy(out.get(1), oneHot).mul(settings.auxiliaryWeight()));
            }
            collector.backward(total);
            loss = total.getFloat();
        }
        nets.adamG.update(sub);
        GanNetworks.zeroGradients(nets.discriminator, sub);
        return loss;
    }

    /** Maps features from the schema's value range to [-1, 1], flattened row-major. */
    private float[] scale(float[][] features) {
        int f = schema.featureCount();
        float[] out = new float[features.length * f];
        double min = schema.minValue();
        double span = schema.maxValue() - schema.minValue();
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != f) {
                throw new IllegalArgumentException("sample " + i + " has " + features[i].length + " features, schema has "
                        + f);
            }
            for (int j = 0; j < f; j++) {
                out[i * f + j] = (float) ((features[i][j] - min) / span * 2 - 1);
            }
        }
        return out;
    }
}
